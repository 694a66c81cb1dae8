package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.BulkLoader;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Bulk writes through the DuckDB Appender, which fills column vectors directly (JDBC batches cost
 * about 400 µs per row). Rows without lists go straight into an empty table whose columns are the
 * listed ones. Otherwise the rows go into a temporary staging table with exactly the listed
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
        if (rows.size() > FEW_ROWS && appendsStraight(connection, tables, table, columns, rows)) {
            appendRows(connection.unwrap(DuckDBConnection.class).createAppender(
                    tables.schema() == null ? DuckDBConnection.DEFAULT_SCHEMA : tables.schema(), table), rows);
            return;
        }
        load(connection, tables.qualified(table), columns, rows, onConflict);
    }

    /**
     * Whether the rows can be appended straight into {@code table}: it is empty, its columns are the
     * listed ones in that order, and no row holds a list (the Appender, like a plain INSERT, keeps a
     * -0.0 list element that an upsert stores as 0.0). The writer's connection holds the database's
     * write lock for the whole write (see {@link DuckdbConnectionSource}), so no other writer of this
     * JVM can fill the table in between, and no other process can open the database.
     */
    private static boolean appendsStraight(Connection connection, SqlTables tables, String table, List<String> columns,
            List<List<SqlParam>> rows) throws SQLException {
        for (List<SqlParam> row : rows) {
            for (SqlParam param : row) {
                if (param.value() instanceof Collection) {
                    return false;
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1 FROM " + tables.qualified(table) + " LIMIT 1")) {
            if (result.next()) {
                return false;
            }
        }
        return columns.equals(tableColumns(connection, tables, table));
    }

    private static List<String> tableColumns(Connection connection, SqlTables tables, String table)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name FROM duckdb_columns() "
                + "WHERE schema_name = ? AND table_name = ? AND database_name = current_database() "
                + "ORDER BY column_index")) {
            statement.setString(1, tables.schema() == null ? DuckDBConnection.DEFAULT_SCHEMA : tables.schema());
            statement.setString(2, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
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
            appendRows(connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", STAGE), rows);
            statement.execute("INSERT INTO " + target + " (" + names + ") SELECT " + names + " FROM "
                    + QUALIFIED_STAGE + onConflict);
            statement.execute("DROP TABLE " + QUALIFIED_STAGE);
        }
    }

    /** Appends every row through {@code opened} and closes it (which flushes the rows into the transaction). */
    private static void appendRows(DuckDBAppender opened, List<List<SqlParam>> rows) throws SQLException {
        try (DuckDBAppender appender = opened) {
            for (List<SqlParam> row : rows) {
                appender.beginRow();
                for (SqlParam param : row) {
                    append(appender, param.value());
                }
                appender.endRow();
            }
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
