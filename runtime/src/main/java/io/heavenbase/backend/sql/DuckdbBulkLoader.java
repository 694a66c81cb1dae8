package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Bulk writes through the DuckDB Appender, which fills column vectors directly (JDBC batches cost
 * about 400 µs per row). The rows go into a temporary staging table with exactly the listed
 * columns (so the target's column order and any columns not listed do not matter), then one
 * {@code INSERT ... SELECT} moves them, with {@code ON CONFLICT (object_id) DO UPDATE} for an
 * upsert. Appended rows belong to the connection's open transaction: a rollback removes them. A
 * write of a few rows skips the staging table and binds them in one multi-row
 * {@code INSERT ... VALUES}.
 */
final class DuckdbBulkLoader implements BulkLoader {

    /** Up to this many rows go in one INSERT ... VALUES statement instead. */
    private static final int FEW_ROWS = 64;
    private static final String STAGE = "hb_stage";
    private static final String QUALIFIED_STAGE = "temp.main." + STAGE;

    private final SqlDialect dialect;

    DuckdbBulkLoader(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void upsert(Connection connection, SqlTables tables, String table, List<String> columns,
            List<List<SqlParam>> rows) throws SQLException {
        String key = dialect.quote(columns.get(0));
        List<String> updated = columns.subList(1, columns.size());
        String onConflict = updated.isEmpty() ? " ON CONFLICT (" + key + ") DO NOTHING"
                : " ON CONFLICT (" + key + ") DO UPDATE SET " + updated.stream().map(dialect::quote)
                        .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        load(connection, tables.qualified(table), columns, rows, onConflict);
    }

    @Override
    public void insert(Connection connection, SqlTables tables, String table, List<String> columns,
            List<List<SqlParam>> rows) throws SQLException {
        load(connection, tables.qualified(table), columns, rows, "");
    }

    private void load(Connection connection, String target, List<String> columns, List<List<SqlParam>> rows,
            String onConflict) throws SQLException {
        String names = columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
        if (rows.size() <= FEW_ROWS) {
            insertValues(connection, target, names, columns.size(), rows, onConflict);
        } else {
            stageAndMove(connection, target, names, rows, onConflict);
        }
    }

    /** A few rows: one multi-row INSERT ... VALUES, cheaper than creating and dropping a staging table. */
    private static void insertValues(Connection connection, String target, String names, int width,
            List<List<SqlParam>> rows, String onConflict) throws SQLException {
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        String sql = "INSERT INTO " + target + " (" + names + ") VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), row)) + onConflict;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (List<SqlParam> values : rows) {
                for (SqlParam value : values) {
                    value.bind(statement, index++);
                }
            }
            statement.executeUpdate();
        }
    }

    private static void stageAndMove(Connection connection, String target, String names, List<List<SqlParam>> rows,
            String onConflict) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + STAGE + " AS SELECT " + names + " FROM " + target
                    + " LIMIT 0");
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main",
                    STAGE)) {
                for (List<SqlParam> row : rows) {
                    appender.beginRow();
                    for (SqlParam param : row) {
                        append(appender, param.value());
                    }
                    appender.endRow();
                }
            }
            statement.execute("INSERT INTO " + target + " (" + names + ") SELECT " + names + " FROM "
                    + QUALIFIED_STAGE + onConflict);
            statement.execute("DROP TABLE " + QUALIFIED_STAGE);
        }
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String) {
            appender.append((String) value);
        } else if (value instanceof Long) {
            appender.append((long) (Long) value);
        } else if (value instanceof Double) {
            appender.append((double) (Double) value);
        } else if (value instanceof Boolean) {
            appender.append((boolean) (Boolean) value);
        } else if (value instanceof LocalDate) {
            appender.appendEpochDays(Math.toIntExact(((LocalDate) value).toEpochDay()));
        } else if (value instanceof float[]) {
            appender.append((float[]) value);
        } else if (value instanceof byte[]) {
            appender.append((byte[]) value);
        } else if (value instanceof Collection) {
            appender.append((Collection<?>) value);
        } else {
            throw new IllegalArgumentException("no DuckDB Appender column for a " + value.getClass().getName());
        }
    }
}
