package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Raw JDBC on PostgreSQL for the {@link Items} table that the postgres backend creates (prefix
 * {@value #PREFIX}, or another prefix per benchmark): the statements of {@link ItemJdbc}, ordering
 * text by code point ({@code COLLATE "C"}) as HeavenBase does on every backend. Also a hand-made
 * table of the same shape for the raw bulk upsert.
 */
public final class PostgresItemTable {

    public static final String PREFIX = "hb_bench_";
    public static final String FILTERED = ItemJdbc.filtered(table(PREFIX), "\"object_id\" COLLATE \"C\"");

    private PostgresItemTable() {
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The quoted name of the {@link Items} table under {@code prefix}. */
    public static String table(String prefix) {
        return "\"" + prefix + Items.ENTITY + "\"";
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
}
