package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.Workspaces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A bulk upsert row on a database server: the baseline keeps one raw JDBC connection for the whole
 * trial, HeavenBase's tables are dropped and registered again before each operation (not timed), and
 * after the trial both sides' tables are dropped. A row says how to connect, which backend settings
 * the workspace uses and how the raw table is made, written, read back and dropped.
 */
public abstract class ServerBulkUpsertBenchmark extends BulkUpsertBenchmark {

    /** The baseline's connection, open for the whole trial. */
    protected Connection connection;

    @Override
    protected final void beforeTrial() throws SQLException {
        connection = connectRaw();
    }

    @Override
    protected final Workspace openEmptyWorkspace() {
        return Workspaces.fresh(workspaceSettings(), schema());
    }

    @Override
    public final void close() throws SQLException {
        try (Connection opened = connection) {
            dropRawTable();
        } finally {
            Workspaces.drop(workspaceSettings(), schema());
        }
    }

    /** The baseline's connection to the server, with the batch settings the backend's pool uses. */
    protected abstract Connection connectRaw() throws SQLException;

    /** The workspace's main backend settings (the row's table prefix on the server). */
    protected abstract Map<String, Object> workspaceSettings();

    /** Drops the baseline's table after the trial. */
    protected abstract void dropRawTable() throws SQLException;
}
