package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.DocJdbc;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import io.heavenbase.bench.data.Workspaces;
import io.heavenbase.schema.EntitySchema;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert of 100k {@link Docs} (one indexed {@code LongText} body) into an empty SQLite file:
 * {@code ws.upsertMany} vs raw JDBC writing the same rows (batches of 500, one transaction) into a
 * {@code doc} table whose body is indexed the way SQLite's documentation shows: an external-content
 * FTS5 table kept up to date by insert, update and delete triggers. Report only (no target).
 */
public class BulkUpsertLongTextSqlite extends BulkUpsertBenchmark {

    private static final String TABLE = "\"doc\"";
    private static final List<String> CREATE = List.of(
            "CREATE TABLE doc (object_id TEXT PRIMARY KEY, category TEXT, qty INTEGER, body TEXT)",
            "CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc', content_rowid='rowid')",
            "CREATE TRIGGER doc_ai AFTER INSERT ON doc BEGIN "
                    + "INSERT INTO doc_fts(rowid, body) VALUES (new.rowid, new.body); END",
            "CREATE TRIGGER doc_ad AFTER DELETE ON doc BEGIN "
                    + "INSERT INTO doc_fts(doc_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END",
            "CREATE TRIGGER doc_au AFTER UPDATE ON doc BEGIN "
                    + "INSERT INTO doc_fts(doc_fts, rowid, body) VALUES ('delete', old.rowid, old.body); "
                    + "INSERT INTO doc_fts(rowid, body) VALUES (new.rowid, new.body); END");

    private ScratchDirectory scratch;
    private int round;
    private Connection connection;

    @Override
    protected EntitySchema schema() {
        return Docs.schema();
    }

    @Override
    protected List<Map<String, Object>> data(int from, int to, int version) {
        return Docs.rows(from, to, version);
    }

    @Override
    protected void beforeTrial() {
        scratch = new ScratchDirectory("bulk-fts-sqlite");
    }

    @Override
    protected Workspace openEmptyWorkspace() {
        round++;
        return Workspaces.open(Workspaces.sqlite(scratch.resolve("heavenbase-" + round + ".db")));
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        connection = SqliteItemTable.connect(scratch.resolve("raw-" + round + ".db"));
        try (Statement statement = connection.createStatement()) {
            for (String sql : CREATE) {
                statement.execute(sql);
            }
        }
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        DocJdbc.upsertAll(connection, DocJdbc.upsert(TABLE), rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return DocJdbc.countAndRow(connection, TABLE, id);
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
