package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.DataSet;
import io.heavenbase.bench.data.DocJdbc;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.JdbcRows;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert of 100k {@link Docs} (one indexed {@code LongText} body) into an empty SQLite file:
 * {@code ws.upsertMany} vs raw JDBC writing the same rows (batches of 500, one transaction) into a
 * {@code doc} table whose body is indexed the way SQLite's documentation shows: an external-content
 * FTS5 table kept up to date by insert, update and delete triggers. Report only (no target).
 */
public class BulkUpsertLongTextSqlite extends SqliteFileBulkUpsertBenchmark {

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

    public BulkUpsertLongTextSqlite() {
        super("bulk-fts-sqlite");
    }

    @Override
    protected DataSet dataSet() {
        return DataSet.DOCS;
    }

    @Override
    protected void createRawTables() throws SQLException {
        JdbcRows.execute(connection, CREATE);
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        DocJdbc.upsertAll(connection, DocJdbc.upsert(TABLE), rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return DocJdbc.countAndRow(connection, TABLE, id);
    }
}
