package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.JdbcRows;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.data.Workspaces;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk upsert into empty tables on MySQL/MariaDB ({@code HEAVENBASE_TEST_MYSQL_URL}):
 * {@code ws.upsertMany} on the mysql backend vs a raw JDBC batch (500 per batch, one transaction,
 * {@code rewriteBatchedStatements=true} so Connector/J sends multi-row statements) of
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} into a table created {@code LIKE} HeavenBase's, so
 * both have the same column types, collations and engine. Before each operation (not timed)
 * HeavenBase's tables are dropped and registered again and the raw table is created anew.
 */
public class BulkUpsertMysql extends ServerBulkUpsertBenchmark {

    static final String PREFIX = "hb_bench_bulk_";
    private static final String RAW_TABLE = "`hb_bench_bulk_raw_item`";
    private static final String COLUMNS = "`object_id`, `name`, `category`, `price`, `qty`, `active`";
    private static final String UPSERT = "INSERT INTO " + RAW_TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `category` = VALUES(`category`), "
            + "`price` = VALUES(`price`), `qty` = VALUES(`qty`), `active` = VALUES(`active`)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM " + RAW_TABLE + " WHERE `object_id` = ?";
    private static final String DROP = "DROP TABLE IF EXISTS " + RAW_TABLE;

    @Override
    protected Connection connectRaw() throws SQLException {
        return DriverManager.getConnection(rawUrl());
    }

    @Override
    protected Map<String, Object> workspaceSettings() {
        return Workspaces.mysql(PREFIX);
    }

    /** A copy of the structure of HeavenBase's item table, which exists (empty) at this point. */
    @Override
    protected void openEmptyBaseline() throws SQLException {
        JdbcRows.execute(connection, List.of(DROP, "CREATE TABLE " + RAW_TABLE + " LIKE `" + PREFIX + Items.ENTITY + "`"));
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        ItemJdbc.upsertAll(connection, UPSERT, rows);
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        return ItemJdbc.countAndRow(connection, RAW_TABLE, BY_ID, id);
    }

    @Override
    protected void dropRawTable() throws SQLException {
        JdbcRows.execute(connection, List.of(DROP));
    }

    /** The test URL with the batch rewriting the backend's own pool uses, unless the URL sets it. */
    static String rawUrl() {
        String url = Services.mysqlUrl();
        if (url.contains("rewriteBatchedStatements")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    }
}
