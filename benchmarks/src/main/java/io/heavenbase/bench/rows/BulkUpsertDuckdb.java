package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.DuckdbItemTable;
import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.Workspaces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert into an empty in-memory DuckDB database: {@code ws.upsertMany} on the duckdb backend
 * vs DuckDB's Appender into a table of the same column types in another in-memory database. Each
 * operation starts from a new, empty database (not timed).
 */
public class BulkUpsertDuckdb extends BulkUpsertBenchmark {

    private Connection connection;

    @Override
    protected Workspace openEmptyWorkspace() {
        return Workspaces.open(Workspaces.duckdbInMemory());
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        connection = DuckdbItemTable.connectInMemory();
        DuckdbItemTable.recreate(connection);
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        DuckdbItemTable.appendAll(connection, rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return ItemJdbc.countAndRow(connection, DuckdbItemTable.TABLE, id);
    }

    @Override
    protected void closeBaseline() throws SQLException {
        connection.close();
    }

    /** Nothing outlives an operation: both databases are in memory. */
    @Override
    public void close() {
    }
}
