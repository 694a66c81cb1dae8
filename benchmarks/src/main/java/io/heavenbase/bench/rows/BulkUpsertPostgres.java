package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.data.Workspaces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert into empty tables on PostgreSQL: {@code ws.upsertMany} on the postgres backend vs a
 * raw JDBC batch (500 per batch, one transaction, {@code reWriteBatchedInserts} as the backend's own
 * pool sets it) of the same {@code INSERT ... ON CONFLICT} into a hand-made table of the same column
 * types. Before each operation (not timed) HeavenBase's tables are dropped and registered again, and
 * the raw table is truncated.
 */
public class BulkUpsertPostgres extends ServerBulkUpsertBenchmark {

    static final String PREFIX = "hb_bench_bulk_";
    static final String RAW_PREFIX = "hb_bench_bulk_raw_";
    private static final String RAW_TABLE = PostgresItemTable.table(RAW_PREFIX);

    @Override
    protected Connection connectRaw() throws SQLException {
        return PostgresItemTable.connect(rawUrl());
    }

    @Override
    protected Map<String, Object> workspaceSettings() {
        return Workspaces.postgres(PREFIX);
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        PostgresItemTable.recreate(connection, RAW_PREFIX);
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        ItemJdbc.upsertAll(connection, ItemJdbc.upsert(RAW_TABLE), rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return ItemJdbc.countAndRow(connection, RAW_TABLE, id);
    }

    @Override
    protected void dropRawTable() throws SQLException {
        PostgresItemTable.drop(connection, RAW_PREFIX);
    }

    /** The test URL with the batch rewriting the backend's pool uses, unless the URL sets it. */
    static String rawUrl() {
        String url = Services.postgresUrl();
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
