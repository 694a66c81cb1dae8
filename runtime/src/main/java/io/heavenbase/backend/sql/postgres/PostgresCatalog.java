package io.heavenbase.backend.sql.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions to the PostgreSQL catalog. A null schema means the connection's current schema (the
 * first existing schema of its {@code search_path}), where unqualified table names resolve.
 */
final class PostgresCatalog {

    private static final String SCHEMA = "COALESCE(?, current_schema())";
    private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+)");

    private PostgresCatalog() {
    }

    static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = " + SCHEMA + " AND tablename = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** The column names of a table in that schema only (the JDBC metadata would match every schema). */
    static final String COLUMNS = "SELECT column_name FROM information_schema.columns WHERE table_schema = " + SCHEMA
            + " AND table_name = ? ORDER BY ordinal_position";

    /**
     * The planner's estimate of a table's row count: from its statistics, or, for a table never
     * vacuumed or analysed, from its current size on disk (so it follows a bulk load at once).
     */
    static long estimatedRows(Connection connection, String qualifiedTable) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN SELECT 1 FROM " + qualifiedTable)) {
            Matcher rows = PLAN_ROWS.matcher(plan.next() ? plan.getString(1) : "");
            return rows.find() ? Long.parseLong(rows.group(1)) : -1;
        }
    }

    /** The installed version of an extension, or null. */
    static String extensionVersion(Connection connection, String extension) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = ?")) {
            statement.setString(1, extension);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
