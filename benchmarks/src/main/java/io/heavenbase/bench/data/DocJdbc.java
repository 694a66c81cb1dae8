package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw JDBC over a hand-made {@link Docs} table, for the full-text write baselines. */
public final class DocJdbc {

    private DocJdbc() {
    }

    /** The upsert of a doc row into {@code table} (quoted), PostgreSQL/SQLite syntax. */
    public static String upsert(String table) {
        return "INSERT INTO " + table + " (\"object_id\", \"category\", \"qty\", \"body\") VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (\"object_id\") DO UPDATE SET \"category\" = EXCLUDED.\"category\", "
                + "\"qty\" = EXCLUDED.\"qty\", \"body\" = EXCLUDED.\"body\"";
    }

    /** Upserts the rows in batches of {@value JdbcRows#BATCH_SIZE} inside one transaction. */
    public static void upsertAll(Connection connection, String upsert, List<Map<String, Object>> rows)
            throws SQLException {
        JdbcRows.writeInOneTransaction(connection, upsert, rows, DocJdbc::bind);
    }

    /** The row count of {@code table} and its row with this id, in a list. */
    public static List<Object> countAndRow(Connection connection, String table, String id) throws SQLException {
        return JdbcRows.countAndRow(connection, table,
                "SELECT \"object_id\", \"category\", \"qty\", \"body\" FROM " + table + " WHERE \"object_id\" = ?",
                id, DocJdbc::read);
    }

    /** The number of rows whose body has this word, through the baseline's full-text index. */
    public static long matching(Connection connection, String sql, String word) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, word);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Map<String, Object> row) throws SQLException {
        statement.setString(1, (String) row.get("object_id"));
        statement.setString(2, (String) row.get("category"));
        statement.setLong(3, (Long) row.get("qty"));
        statement.setString(4, (String) row.get("body"));
    }

    private static Map<String, Object> read(ResultSet result) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", result.getString(1));
        row.put("category", result.getString(2));
        row.put("qty", result.getLong(3));
        row.put("body", result.getString(4));
        return row;
    }
}
