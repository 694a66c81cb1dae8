package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * What a developer writes by hand for {@link Items} on DuckDB: an in-memory database, a table with
 * the column types the duckdb backend uses (VARCHAR, DOUBLE, BIGINT, BOOLEAN), bulk loads through
 * DuckDB's Appender (its fastest documented way in) and the plain SELECTs of {@link ItemJdbc}.
 */
public final class DuckdbItemTable {

    public static final String TABLE = "\"" + Items.ENTITY + "\"";
    public static final String BY_ID = ItemJdbc.byId(TABLE);

    private DuckdbItemTable() {
    }

    /** A new, empty in-memory DuckDB database. */
    public static Connection connectInMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Drops and creates the table. */
    public static void recreate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (\"object_id\" VARCHAR PRIMARY KEY, \"name\" VARCHAR, "
                    + "\"category\" VARCHAR, \"price\" DOUBLE, \"qty\" BIGINT, \"active\" BOOLEAN)");
        }
    }

    /** Appends the rows with one Appender (flushed and committed on close). */
    public static void appendAll(Connection connection, List<Map<String, Object>> rows) throws SQLException {
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(
                DuckDBConnection.DEFAULT_SCHEMA, Items.ENTITY)) {
            for (Map<String, Object> row : rows) {
                appender.beginRow();
                appender.append((String) row.get("object_id"));
                appender.append((String) row.get("name"));
                appender.append((String) row.get("category"));
                appender.append((double) (Double) row.get("price"));
                appender.append((long) (Long) row.get("qty"));
                appender.append((boolean) (Boolean) row.get("active"));
                appender.endRow();
            }
        }
    }
}
