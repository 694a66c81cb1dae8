package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw JDBC a developer writes for {@link Items} on any SQL database: the column list, the
 * upsert batch, the by-id and filtered SELECTs and the row mapping. The per-database classes
 * ({@link SqliteItemTable}, {@link PostgresItemTable}, {@link DuckdbItemTable}) only add what differs:
 * how to connect, the table's DDL and the ORDER BY collation.
 */
public final class ItemJdbc {

    /** The columns of the item table, in {@link Items#FIELDS} order after object_id. */
    public static final String COLUMNS = "\"object_id\", \"name\", \"category\", \"price\", \"qty\", \"active\"";
    /** Rows per JDBC batch of the upsert, the same as the backends' batches. */
    public static final int BATCH_SIZE = JdbcRows.BATCH_SIZE;

    private ItemJdbc() {
    }

    /** The upsert statement the SQL backends issue, into {@code table} (quoted). */
    public static String upsert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (\"object_id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", "
                + "\"category\" = EXCLUDED.\"category\", \"price\" = EXCLUDED.\"price\", "
                + "\"qty\" = EXCLUDED.\"qty\", \"active\" = EXCLUDED.\"active\"";
    }

    /** SELECT of one row by object_id from {@code table} (quoted). */
    public static String byId(String table) {
        return "SELECT " + COLUMNS + " FROM " + table + " WHERE \"object_id\" = ?";
    }

    /** SELECT of a category's rows with at least a quantity, by object_id ({@code orderBy}), with a limit. */
    public static String filtered(String table, String orderBy) {
        return "SELECT " + COLUMNS + " FROM " + table + " WHERE \"category\" = ? AND \"qty\" >= ? ORDER BY "
                + orderBy + " LIMIT ?";
    }

    /** Upserts the rows with {@code upsert} in batches of {@value #BATCH_SIZE} inside one transaction. */
    public static void upsertAll(Connection connection, String upsert, List<Map<String, Object>> rows)
            throws SQLException {
        JdbcRows.writeInOneTransaction(connection, upsert, rows, ItemJdbc::bind);
    }

    /** The row count of {@code table} (quoted) and its row with this id as an immutable map, in a list. */
    public static List<Object> countAndRow(Connection connection, String table, String id) throws SQLException {
        return countAndRow(connection, table, byId(table), id);
    }

    /** As {@link #countAndRow(Connection, String, String)} with the by-id SELECT given ({@code byId}, one parameter). */
    public static List<Object> countAndRow(Connection connection, String table, String byId, String id)
            throws SQLException {
        return JdbcRows.countAndRow(connection, table, byId, id, ItemJdbc::read);
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

    private static void bind(PreparedStatement statement, Map<String, Object> row) throws SQLException {
        statement.setString(1, (String) row.get("object_id"));
        statement.setString(2, (String) row.get("name"));
        statement.setString(3, (String) row.get("category"));
        statement.setDouble(4, (Double) row.get("price"));
        statement.setLong(5, (Long) row.get("qty"));
        statement.setBoolean(6, (Boolean) row.get("active"));
    }

    // getBoolean also reads SQLite's 0/1 INTEGER, as setBoolean writes it there.
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
