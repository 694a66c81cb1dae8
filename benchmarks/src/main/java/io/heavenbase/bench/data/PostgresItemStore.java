package io.heavenbase.bench.data;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code size} {@link Items} written once through HeavenBase's postgres backend (tables under
 * {@code prefix}, dropped first and on close) plus a raw JDBC connection to the same database: both
 * sides of a read benchmark read the very same table. Each row class uses its own prefix, so two
 * runs of different rows on one server do not meet.
 */
public final class PostgresItemStore implements AutoCloseable {

    private static final int LOAD_CHUNK = 10_000;

    private final String prefix;
    private final Workspace workspace;
    private final Connection connection;

    public PostgresItemStore(String prefix, int size) throws SQLException {
        this.prefix = prefix;
        workspace = freshWorkspace(Services.postgresUrl(), prefix);
        workspace.register(Items.schema());
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            workspace.upsertMany(Items.ENTITY, Items.rows(from, Math.min(size, from + LOAD_CHUNK)));
        }
        connection = PostgresItemTable.connect(Services.postgresUrl());
    }

    /** A workspace on the postgres backend whose tables under {@code prefix} were just dropped. */
    public static Workspace freshWorkspace(String url, String prefix) {
        Map<String, Object> main = Map.of("type", "postgres", "url", url, "prefix", prefix);
        Workspace old = HeavenBase.open("bench", Map.of("main", main));
        old.drop();
        old.close();
        return HeavenBase.open("bench", Map.of("main", main));
    }

    public Workspace workspace() {
        return workspace;
    }

    /** A raw connection to the database HeavenBase wrote. */
    public Connection connection() {
        return connection;
    }

    /** The prefix of HeavenBase's tables. */
    public String prefix() {
        return prefix;
    }

    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            workspace.drop();
        } finally {
            workspace.close();
        }
    }
}
