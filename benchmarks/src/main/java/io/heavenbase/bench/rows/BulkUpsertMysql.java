package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.data.Workspaces;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
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
public class BulkUpsertMysql extends BulkUpsertBenchmark {

    static final String PREFIX = "hb_bench_bulk_";
    private static final String RAW_TABLE = "`hb_bench_bulk_raw_item`";
    private static final String COLUMNS = "`object_id`, `name`, `category`, `price`, `qty`, `active`";
    private static final String UPSERT = "INSERT INTO " + RAW_TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `category` = VALUES(`category`), "
            + "`price` = VALUES(`price`), `qty` = VALUES(`qty`), `active` = VALUES(`active`)";
    private static final int BATCH_SIZE = 500;

    private Connection connection;

    @Override
    protected void beforeTrial() throws SQLException {
        connection = DriverManager.getConnection(rawUrl());
    }

    @Override
    protected Workspace openEmptyWorkspace() {
        return Workspaces.fresh(Workspaces.mysql(PREFIX), Items.schema());
    }

    /** A copy of the structure of HeavenBase's item table, which exists (empty) at this point. */
    @Override
    protected void openEmptyBaseline() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
            statement.execute("CREATE TABLE " + RAW_TABLE + " LIKE `" + PREFIX + Items.ENTITY + "`");
        }
    }

    @Override
    protected void write(List<Map<String, Object>> rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                statement.setString(1, (String) row.get("object_id"));
                statement.setString(2, (String) row.get("name"));
                statement.setString(3, (String) row.get("category"));
                statement.setDouble(4, (Double) row.get("price"));
                statement.setLong(5, (Long) row.get("qty"));
                statement.setBoolean(6, (Boolean) row.get("active"));
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    protected List<Object> stored(String id) throws SQLException {
        long count;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + RAW_TABLE)) {
            result.next();
            count = result.getLong(1);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + RAW_TABLE + " WHERE `object_id` = ?")) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("object_id", result.getString(1));
                row.put("name", result.getString(2));
                row.put("category", result.getString(3));
                row.put("price", result.getDouble(4));
                row.put("qty", result.getLong(5));
                row.put("active", result.getBoolean(6));
                return List.of(count, Map.copyOf(row));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection opened = connection; Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
        } finally {
            Workspaces.drop(Workspaces.mysql(PREFIX), Items.schema());
        }
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
