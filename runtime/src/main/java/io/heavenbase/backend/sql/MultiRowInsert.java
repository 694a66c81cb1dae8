package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Sends rows as multi-row {@code INSERT ... VALUES (...), (...)} statements: one round trip and one
 * statement per chunk instead of one per row, whatever the driver's batch settings. A chunk holds
 * at most {@code maxRows} rows, {@link #MAX_PARAMETERS} bind parameters and about
 * {@link #MAX_BYTES} of values (so it stays below the servers' packet limits: MariaDB's default
 * {@code max_allowed_packet} is 16 MiB).
 */
public final class MultiRowInsert {

    static final int MAX_PARAMETERS = 30_000;
    static final long MAX_BYTES = 4L << 20;

    private MultiRowInsert() {
    }

    /**
     * Runs the rows (each one parameter per column, in column order) in chunks; {@code sql} gives
     * the statement for a number of rows.
     */
    public static void run(Connection connection, List<List<SqlParam>> rows, int maxRows, IntFunction<String> sql)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).size();
        int perStatement = Math.max(1, Math.min(maxRows, MAX_PARAMETERS / Math.max(1, width)));
        int from = 0;
        // Each row is read from the list once: a caller's list may make its rows as they are read.
        List<List<SqlParam>> chunk = new ArrayList<>(Math.min(perStatement, rows.size()));
        while (from < rows.size()) {
            chunk.clear();
            long bytes = 0;
            while (from < rows.size() && chunk.size() < perStatement && (chunk.isEmpty() || bytes < MAX_BYTES)) {
                List<SqlParam> row = rows.get(from++);
                bytes += bytes(row);
                chunk.add(row);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.apply(chunk.size()))) {
                int index = 1;
                for (List<SqlParam> row : chunk) {
                    for (SqlParam value : row) {
                        value.bind(statement, index++);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    /** An upper bound of the row's size on the wire (UTF-8 takes at most 3 bytes per UTF-16 char). */
    private static long bytes(List<SqlParam> row) {
        long bytes = 0;
        for (SqlParam param : row) {
            Object value = param.value();
            if (value instanceof String) {
                bytes += 3L * ((String) value).length() + 4;
            } else if (value instanceof byte[]) {
                bytes += 2L * ((byte[]) value).length + 4;
            } else if (value instanceof Object[]) {
                bytes += 32L * ((Object[]) value).length + 4;
            } else {
                bytes += 32;
            }
        }
        return bytes;
    }

    /** {@code (?, ?, ?), (?, ?, ?)}: {@code rows} groups of {@code width} placeholders. */
    public static String values(int width, int rows) {
        String row = "(?" + ", ?".repeat(width - 1) + ")";
        StringBuilder out = new StringBuilder(rows * (row.length() + 2));
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ", ").append(row);
        }
        return out.toString();
    }
}
