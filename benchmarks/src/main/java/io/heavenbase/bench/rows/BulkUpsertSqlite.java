package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.SqliteItemTable;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert into an empty SQLite database file: {@code ws.upsertMany} vs a raw JDBC batch of the
 * same upsert statement in one transaction. Each operation gets new, empty files (not timed).
 */
public class BulkUpsertSqlite extends SqliteFileBulkUpsertBenchmark {

    public BulkUpsertSqlite() {
        super("bulk-sqlite");
    }

    @Override
    protected void createRawTables() throws SQLException {
        SqliteItemTable.create(connection);
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        ItemJdbc.upsertAll(connection, SqliteItemTable.UPSERT, rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return ItemJdbc.countAndRow(connection, SqliteItemTable.TABLE, id);
    }
}
