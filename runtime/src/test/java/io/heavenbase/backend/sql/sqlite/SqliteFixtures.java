package io.heavenbase.backend.sql.sqlite;

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

/** Backends, layouts and canonical rows shared by the SQLite tests. */
public final class SqliteFixtures {

    private SqliteFixtures() {
    }

    public static SqlBackend memoryBackend() {
        return open(":memory:");
    }

    public static SqlBackend open(String database) {
        return (SqlBackend) new SqliteProvider().open(new BackendConfig("main", Map.of("type", "sqlite", "database",
                database)));
    }

    public static StoredField inline(String name, String dtype) {
        return TestLayouts.inline(name, dtype);
    }

    /** An inline field with its full-text switch on, whatever its type's default. */
    public static StoredField indexed(String name, String dtype) {
        return TestLayouts.indexed(name, dtype);
    }

    public static StoredField side(String name, String dtype) {
        return TestLayouts.side(name, dtype);
    }

    public static StoredField vectorIndex(String name, int dimension) {
        return new StoredField(name, DType.vector(dimension), Strategy.VECTOR_INDEX);
    }

    public static EntityLayout layout(String entity, StoredField... fields) {
        return new EntityLayout(entity, List.of(fields));
    }

    /**
     * A row of canonical values built from alternating field names and raw values, each value
     * normalised by its field's dtype (so tests write exactly what the engine would).
     */
    public static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        return TestLayouts.row(layout, id, namesAndValues);
    }

    @SafeVarargs
    public static List<Map<String, Object>> rows(Map<String, Object>... rows) {
        return new ArrayList<>(List.of(rows));
    }
}
