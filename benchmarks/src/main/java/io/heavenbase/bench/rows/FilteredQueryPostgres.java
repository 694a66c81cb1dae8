package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.data.PostgresItemTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The filtered query on PostgreSQL ({@code HEAVENBASE_TEST_POSTGRES_URL}): HeavenBase's postgres
 * backend vs a raw prepared statement on the table it created, ordered by code point
 * ({@code COLLATE "C"}) as HeavenBase orders.
 */
public class FilteredQueryPostgres extends FilteredQueryBenchmark {

    private PreparedStatement filtered;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.postgres(PostgresItemTable.PREFIX, size);
        filtered = store.prepare(PostgresItemTable.FILTERED);
        return store;
    }

    @Override
    protected Object query(String category) throws SQLException {
        return ItemJdbc.filtered(filtered, category, MIN_QTY, LIMIT);
    }
}
