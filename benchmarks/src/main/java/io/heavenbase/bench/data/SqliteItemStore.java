package io.heavenbase.bench.data;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code size} {@link Items} written once through HeavenBase into a SQLite file, plus a raw JDBC
 * connection to the same file: both sides of a read benchmark read the very same table.
 */
public final class SqliteItemStore implements AutoCloseable {

    private static final int LOAD_CHUNK = 10_000;

    private final ScratchDirectory scratch;
    private final Workspace workspace;
    private final Connection connection;

    public SqliteItemStore(String name, int size) throws SQLException {
        scratch = new ScratchDirectory(name);
        String database = scratch.resolve("items.db").toString();
        workspace = HeavenBase.open("bench", Map.of("main", Map.of("type", "sqlite", "database", database)));
        workspace.register(Items.schema());
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            int to = Math.min(size, from + LOAD_CHUNK);
            workspace.upsertMany(Items.ENTITY, Items.rows(from, to));
        }
        connection = SqliteItemTable.connect(scratch.resolve("items.db"));
    }

    public Workspace workspace() {
        return workspace;
    }

    /** A raw connection to the file HeavenBase wrote. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            workspace.close();
            connection.close();
        } finally {
            scratch.close();
        }
    }
}
