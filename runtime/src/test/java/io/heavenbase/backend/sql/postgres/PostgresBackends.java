package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.TestLayouts;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.List;
import java.util.Map;

/**
 * A postgres or pgvector backend opened through its provider in a fresh schema of a test server;
 * closing it closes the backend and drops the schema. Also layouts and canonical rows for SPI-level
 * tests.
 */
final class PostgresBackends implements OpenedBackend {

    private final PostgresTestServers server;
    private final String schema;
    private final SqlBackend backend;

    private PostgresBackends(PostgresTestServers server, String schema, SqlBackend backend) {
        this.server = server;
        this.schema = schema;
        this.backend = backend;
    }

    /** A backend named {@code main} of the server's type, with extra configuration key-value pairs. */
    static PostgresBackends open(PostgresTestServers server, Object... extra) {
        String schema = PostgresTestServers.freshSchema();
        Map<String, Object> config = server.config(schema, extra);
        PostgresProvider provider = server == PostgresTestServers.PGVECTOR ? new PgvectorProvider()
                : new PostgresProvider();
        return new PostgresBackends(server, schema, (SqlBackend) provider.open(new BackendConfig("main", config)));
    }

    @Override
    public SqlBackend backend() {
        return backend;
    }

    String schema() {
        return schema;
    }

    PostgresTestServers server() {
        return server;
    }

    @Override
    public void close() {
        try {
            backend.close();
        } finally {
            server.dropSchema(schema);
        }
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

    static StoredField vectorIndex(String name, int dimension) {
        return new StoredField(name, DType.vector(dimension), Strategy.VECTOR_INDEX);
    }

    static EntityLayout layout(String entity, StoredField... fields) {
        return new EntityLayout(entity, List.of(fields));
    }

    /** A row of canonical values from alternating field names and raw values, normalised by each field's dtype. */
    static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        return TestLayouts.row(layout, id, namesAndValues);
    }
}
