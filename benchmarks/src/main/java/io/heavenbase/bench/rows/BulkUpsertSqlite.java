package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import io.heavenbase.bench.data.Workspaces;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert into an empty SQLite database file: {@code ws.upsertMany} vs a raw JDBC batch of the
 * same upsert statement in one transaction. Each operation gets new, empty files (not timed).
 */
public class BulkUpsertSqlite extends BulkUpsertBenchmark {

    private ScratchDirectory scratch;
    private int round;
    private Connection connection;

    @Override
    protected void beforeTrial() {
        scratch = new ScratchDirectory("bulk-sqlite");
    }

    @Override
    protected Workspace openEmptyWorkspace() {
        round++;
        return Workspaces.open(Workspaces.sqlite(scratch.resolve("heavenbase-" + round + ".db")));
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        connection = SqliteItemTable.connect(scratch.resolve("raw-" + round + ".db"));
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

    /** Closes the raw file and deletes both sides' files of this operation. */
    @Override
    protected void closeBaseline() throws Exception {
        connection.close();
        for (String name : List.of("heavenbase-", "raw-")) {
            for (String suffix : List.of(".db", ".db-wal", ".db-shm")) {
                Files.deleteIfExists(scratch.resolve(name + round + suffix));
            }
        }
    }

    @Override
    public void close() {
        scratch.close();
    }
}
