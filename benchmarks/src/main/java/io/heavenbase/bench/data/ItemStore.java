package io.heavenbase.bench.data;

import io.heavenbase.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The two sides' stores of a read benchmark: {@code size} {@link Items} written once through a
 * HeavenBase workspace, and a raw JDBC connection to the same rows (the very table HeavenBase wrote,
 * or for in-memory DuckDB an identical copy). Whatever the benchmark opens on top
 * ({@link #prepare statements}, an ORM: {@link #closing}) is closed with it, before the stores.
 */
public final class ItemStore implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private Workspace workspace;
    private Connection connection;

    private ItemStore() {
    }

    /** Items in a SQLite file in a scratch directory named after {@code name}, read back over JDBC. */
    public static ItemStore sqlite(String name, int size) throws SQLException {
        ItemStore store = new ItemStore();
        ScratchDirectory scratch = store.closing(new ScratchDirectory(name));
        Path database = scratch.resolve("items.db");
        store.workspace = store.closing(Workspaces.open(Workspaces.sqlite(database)));
        Items.writeInto(store.workspace, size);
        store.connection = store.closing(SqliteItemTable.connect(database));
        return store;
    }

    /**
     * Items on PostgreSQL ({@code HEAVENBASE_TEST_POSTGRES_URL}) under {@code prefix}, dropped first
     * and on close. Each row class uses its own prefix, so two rows on one server do not meet.
     */
    public static ItemStore postgres(String prefix, int size) throws SQLException {
        ItemStore store = new ItemStore();
        Workspace workspace = store.closing(Workspaces.fresh(Workspaces.postgres(prefix), Items.schema()));
        store.closing(workspace::drop);
        store.workspace = workspace;
        Items.writeInto(workspace, size);
        store.connection = store.closing(PostgresItemTable.connect(Services.postgresUrl()));
        return store;
    }

    /**
     * Items in an in-memory DuckDB workspace, and the same rows loaded by the Appender into an
     * identical table of another in-memory database (two in-memory databases cannot share a table).
     */
    public static ItemStore duckdb(int size) throws SQLException {
        ItemStore store = new ItemStore();
        store.workspace = store.closing(Workspaces.open(Workspaces.duckdbInMemory()));
        Items.writeInto(store.workspace, size);
        store.connection = store.closing(DuckdbItemTable.connectInMemory());
        DuckdbItemTable.recreate(store.connection);
        DuckdbItemTable.appendAll(store.connection, Items.rows(size));
        return store;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** A raw connection to the rows HeavenBase wrote. */
    public Connection connection() {
        return connection;
    }

    /** A statement on {@link #connection}, closed with the store. */
    public PreparedStatement prepare(String sql) throws SQLException {
        return closing(connection.prepareStatement(sql));
    }

    /** Registers a resource to close with the store, before everything opened earlier. */
    public <T extends AutoCloseable> T closing(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes everything in the reverse order of opening; the first failure is thrown, later ones suppressed. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
