package io.heavenbase.bench.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * What a developer writes with raw JDBC for {@link Items} on SQLite: the same table shape the sqlite
 * backend creates (object_id unique, hidden integer row key, one column per field with the same
 * storage classes), the same upsert statement, and plain SELECTs. Connections use the settings the
 * backend uses for a database file (WAL, UTF-8), so the comparison measures the engine, not the
 * journal mode.
 */
public final class SqliteItemTable {

    public static final String TABLE = "\"" + Items.ENTITY + "\"";
    private static final String COLUMNS = "\"object_id\", \"name\", \"category\", \"price\", \"qty\", \"active\"";

    public static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (\"object_id\" TEXT NOT NULL UNIQUE, "
            + "\"hb_rowid\" INTEGER PRIMARY KEY, \"name\" TEXT, \"category\" TEXT, \"price\" REAL, \"qty\" INTEGER, "
            + "\"active\" INTEGER)";
    public static final String UPSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (\"object_id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", "
            + "\"category\" = EXCLUDED.\"category\", \"price\" = EXCLUDED.\"price\", \"qty\" = EXCLUDED.\"qty\", "
            + "\"active\" = EXCLUDED.\"active\"";
    public static final String BY_ID = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE \"object_id\" = ?";
    public static final String FILTERED = "SELECT " + COLUMNS + " FROM " + TABLE
            + " WHERE \"category\" = ? AND \"qty\" >= ? ORDER BY \"object_id\" LIMIT ?";
    public static final String COUNT = "SELECT COUNT(*) FROM " + TABLE;

    private SqliteItemTable() {
    }

    /** A connection to a database file, configured as the sqlite backend configures its own. */
    public static Connection connect(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        return config.createConnection("jdbc:sqlite:" + database);
    }

    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
    }

    /** Upserts the rows in batches of 500 inside one transaction. */
    public static void upsertAll(Connection connection, List<Map<String, Object>> rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                upsert.setString(1, (String) row.get("object_id"));
                upsert.setString(2, (String) row.get("name"));
                upsert.setString(3, (String) row.get("category"));
                upsert.setDouble(4, (Double) row.get("price"));
                upsert.setLong(5, (Long) row.get("qty"));
                upsert.setInt(6, (Boolean) row.get("active") ? 1 : 0);
                upsert.addBatch();
                if (++pending == 500) {
                    upsert.executeBatch();
                    pending = 0;
                }
            }
            upsert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(COUNT)) {
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
        row.put("active", result.getInt(6) != 0);
        return row;
    }
}
