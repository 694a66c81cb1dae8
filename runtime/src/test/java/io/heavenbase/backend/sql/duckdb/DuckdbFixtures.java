package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.TestLayouts;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Backends, layouts and canonical rows shared by the DuckDB tests. */
final class DuckdbFixtures {

    private DuckdbFixtures() {
    }

    static SqlBackend memoryBackend() {
        return open(":memory:");
    }

    static SqlBackend open(String database) {
        return (SqlBackend) new DuckdbProvider().open(new BackendConfig("main", Map.of("type", "duckdb", "database",
                database)));
    }

    static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    /** An inline field with its full-text switch on, whatever its type's default. */
    static StoredField indexed(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN, true);
    }

    static StoredField side(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.SIDE_TABLE);
    }

    static EntityLayout layout(String entity, StoredField... fields) {
        return new EntityLayout(entity, List.of(fields));
    }

    /** A row of canonical values from alternating field names and raw values, normalised by each field's dtype. */
    static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        return TestLayouts.row(layout, id, namesAndValues);
    }

    @SafeVarargs
    static List<Map<String, Object>> rows(Map<String, Object>... rows) {
        return new ArrayList<>(List.of(rows));
    }
}
