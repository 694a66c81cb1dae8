package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw JDBC reads of the {@link Items} table that the postgres backend creates (prefix
 * {@value #PREFIX}): the statements a developer writes by hand, ordering text by code point
 * ({@code COLLATE "C"}) as HeavenBase does on every backend. Also a hand-made table of the same
 * shape for the raw bulk upsert.
 */
public final class PostgresItemTable {

    public static final String PREFIX = "hb_bench_";
    public static final String TABLE = "\"" + PREFIX + Items.ENTITY + "\"";
    private static final String COLUMNS = "\"object_id\", \"name\", \"category\", \"price\", \"qty\", \"active\"";

    public static final String FILTERED = "SELECT " + COLUMNS + " FROM " + TABLE
            + " WHERE \"category\" = ? AND \"qty\" >= ? ORDER BY \"object_id\" COLLATE \"C\" LIMIT ?";

    private PostgresItemTable() {
    }

    /** The quoted name of the {@link Items} table under {@code prefix}. */
    public static String table(String prefix) {
        return "\"" + prefix + Items.ENTITY + "\"";
    }

    /** SELECT of one row by object_id from the table under {@code prefix}. */
    public static String byId(String prefix) {
        return "SELECT " + COLUMNS + " FROM " + table(prefix) + " WHERE \"object_id\" = ?";
    }

    /** Creates (or empties) a hand-made table under {@code prefix} with the column types the backend uses. */
    public static void recreate(Connection connection, String prefix) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table(prefix) + " (\"object_id\" text COLLATE \"C\" "
                    + "PRIMARY KEY, \"name\" text COLLATE \"C\", \"category\" text COLLATE \"C\", "
                    + "\"price\" double precision, \"qty\" bigint, \"active\" boolean)");
            statement.execute("TRUNCATE " + table(prefix));
        }
    }

    public static void drop(Connection connection, String prefix) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table(prefix));
        }
    }

    /** Upserts the rows in batches of 500 inside one transaction, as the backend's statement does. */
    public static void upsertAll(Connection connection, String prefix, List<Map<String, Object>> rows)
            throws SQLException {
        String upsert = "INSERT INTO " + table(prefix) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (\"object_id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", "
                + "\"category\" = EXCLUDED.\"category\", \"price\" = EXCLUDED.\"price\", "
                + "\"qty\" = EXCLUDED.\"qty\", \"active\" = EXCLUDED.\"active\"";
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                statement.setString(1, (String) row.get("object_id"));
                statement.setString(2, (String) row.get("name"));
                statement.setString(3, (String) row.get("category"));
                statement.setDouble(4, (Double) row.get("price"));
                statement.setLong(5, (Long) row.get("qty"));
                statement.setBoolean(6, (Boolean) row.get("active"));
                statement.addBatch();
                if (++pending == 500) {
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

    public static long count(Connection connection, String prefix) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table(prefix))) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The row with this id as field name to typed value, or null. */
    public static Map<String, Object> get(PreparedStatement byId, String id) throws SQLException {
        byId.setString(1, id);
        try (ResultSet result = byId.executeQuery()) {
            return result.next() ? read(result) : null;
        }
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Rows of a category with at least {@code minQty}, by object_id, at most {@code limit}. */
    public static List<Map<String, Object>> filtered(PreparedStatement filtered, String category, long minQty, int limit)
            throws SQLException {
        filtered.setString(1, category);
        filtered.setLong(2, minQty);
        filtered.setInt(3, limit);
        List<Map<String, Object>> rows = new ArrayList<>(limit);
        try (ResultSet result = filtered.executeQuery()) {
            while (result.next()) {
                rows.add(read(result));
            }
        }
        return rows;
    }

    private static Map<String, Object> read(ResultSet result) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", result.getString(1));
        row.put("name", result.getString(2));
        row.put("category", result.getString(3));
        row.put("price", result.getDouble(4));
        row.put("qty", result.getLong(5));
        row.put("active", result.getBoolean(6));
        return row;
    }
}
