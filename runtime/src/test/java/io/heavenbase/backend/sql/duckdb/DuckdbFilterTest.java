package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.DialectFilterContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.spi.support.RowScan;

/**
 * Filters, order and paging pushed down to DuckDB answer exactly like the engine's {@link RowScan}
 * ({@link DialectFilterContract} with its default entity): two-valued logic around nulls and NOT, exact
 * text equality, code point order, exact mixed Integer/Float comparisons, inline LIST and side-table
 * {@code array_contains}.
 */
class DuckdbFilterTest extends DialectFilterContract {

    @Override
    protected OpenedBackend open() {
        return OpenedBackend.of(DuckdbFixtures.memoryBackend());
    }
}
