package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.DataSourceConnectionSource;
import io.heavenbase.backend.sql.SecretRedactor;
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

/** Backends, layouts and canonical rows shared by the mysql SPI tests. */
final class MysqlFixtures {

    private MysqlFixtures() {
    }

    /** A mysql backend on the test server under {@code prefix}, with its own pool. */
    static SqlBackend open(String prefix) {
        return (SqlBackend) new MysqlProvider().open(new BackendConfig("main",
                MysqlTestServer.urlConfig("mysql", prefix)));
    }

    /**
     * A backend on the test server under {@code prefix} with the SQL written for a server whose binary collation
     * pads ({@code utf8mb4_bin}, as on OceanBase): tables in {@code utf8mb4_bin}, text compared as binary.
     */
    static SqlBackend openPadCollation(String prefix) {
        return new SqlBackend("main", prefix, null, new OceanBaseDialect(MysqlServer.PADDING),
                new DataSourceConnectionSource(MysqlTestServer.dataSource()), SecretRedactor.none());
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
