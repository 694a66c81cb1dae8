package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.DataSet;
import io.heavenbase.bench.data.DocJdbc;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.JdbcRows;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Workspaces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert of 100k {@link Docs} (one indexed {@code LongText} body) into empty tables on
 * PostgreSQL: {@code ws.upsertMany} vs raw JDBC writing the same rows (batches of 500, one
 * transaction, {@code reWriteBatchedInserts}) into a table whose body has PostgreSQL's usual
 * full-text index, a GIN index on {@code to_tsvector('simple', body)}. Report only (no target).
 */
public class BulkUpsertLongTextPostgres extends ServerBulkUpsertBenchmark {

    static final String PREFIX = "hb_bench_fts_";
    private static final String RAW_TABLE = "\"hb_bench_fts_raw_doc\"";
    private static final String DROP = "DROP TABLE IF EXISTS " + RAW_TABLE;
    private static final List<String> CREATE = List.of(DROP,
            "CREATE TABLE " + RAW_TABLE + " (\"object_id\" text COLLATE \"C\" PRIMARY KEY, "
                    + "\"category\" text COLLATE \"C\", \"qty\" bigint, \"body\" text)",
            "CREATE INDEX \"hb_bench_fts_raw_doc_body\" ON " + RAW_TABLE
                    + " USING gin (to_tsvector('simple', \"body\"))");

    @Override
    protected DataSet dataSet() {
        return DataSet.DOCS;
    }

    @Override
    protected Connection connectRaw() throws SQLException {
        return PostgresItemTable.connect(BulkUpsertPostgres.rawUrl());
    }

    @Override
    protected Map<String, Object> workspaceSettings() {
        return Workspaces.postgres(PREFIX);
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        JdbcRows.execute(connection, CREATE);
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        DocJdbc.upsertAll(connection, DocJdbc.upsert(RAW_TABLE), rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return DocJdbc.countAndRow(connection, RAW_TABLE, id);
    }

    @Override
    protected void dropRawTable() throws SQLException {
        JdbcRows.execute(connection, List.of(DROP));
    }
}
