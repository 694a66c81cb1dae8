package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw JDBC reads of the {@link Items} table that the postgres backend creates (prefix
 * {@value #PREFIX}): the statements a developer writes by hand, ordering text by code point
 * ({@code COLLATE "C"}) as HeavenBase does on every backend.
 */
public final class PostgresItemTable {

    public static final String PREFIX = "hb_bench_";
    public static final String TABLE = "\"" + PREFIX + Items.ENTITY + "\"";
    private static final String COLUMNS = "\"object_id\", \"name\", \"category\", \"price\", \"qty\", \"active\"";

    public static final String FILTERED = "SELECT " + COLUMNS + " FROM " + TABLE
            + " WHERE \"category\" = ? AND \"qty\" >= ? ORDER BY \"object_id\" COLLATE \"C\" LIMIT ?";

    private PostgresItemTable() {
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
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("object_id", result.getString(1));
                row.put("name", result.getString(2));
                row.put("category", result.getString(3));
                row.put("price", result.getDouble(4));
                row.put("qty", result.getLong(5));
                row.put("active", result.getBoolean(6));
                rows.add(row);
            }
        }
        return rows;
    }
}
