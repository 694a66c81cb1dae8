package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.DocJdbc;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Workspaces;
import io.heavenbase.schema.EntitySchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert of 100k {@link Docs} (one indexed {@code LongText} body) into empty tables on
 * PostgreSQL: {@code ws.upsertMany} vs raw JDBC writing the same rows (batches of 500, one
 * transaction, {@code reWriteBatchedInserts}) into a table whose body has PostgreSQL's usual
 * full-text index, a GIN index on {@code to_tsvector('simple', body)}. Report only (no target).
 */
public class BulkUpsertLongTextPostgres extends BulkUpsertBenchmark {

    static final String PREFIX = "hb_bench_fts_";
    private static final String RAW_TABLE = "\"hb_bench_fts_raw_doc\"";

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
    protected void beforeTrial() throws SQLException {
        connection = PostgresItemTable.connect(BulkUpsertPostgres.rawUrl());
    }

    @Override
    protected Workspace openEmptyWorkspace() {
        return Workspaces.fresh(Workspaces.postgres(PREFIX), Docs.schema());
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
            statement.execute("CREATE TABLE " + RAW_TABLE + " (\"object_id\" text COLLATE \"C\" PRIMARY KEY, "
                    + "\"category\" text COLLATE \"C\", \"qty\" bigint, \"body\" text)");
            statement.execute("CREATE INDEX \"hb_bench_fts_raw_doc_body\" ON " + RAW_TABLE
                    + " USING gin (to_tsvector('simple', \"body\"))");
        }
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
    public void close() throws SQLException {
        try (Connection opened = connection; Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
        } finally {
            Workspaces.drop(Workspaces.postgres(PREFIX), Docs.schema());
        }
    }
}
