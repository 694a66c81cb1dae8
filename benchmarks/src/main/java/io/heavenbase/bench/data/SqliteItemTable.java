package io.heavenbase.bench.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * What a developer writes with raw JDBC for {@link Items} on SQLite: the same table shape the sqlite
 * backend creates (object_id unique, hidden integer row key, one column per field with the same
 * storage classes) and the statements of {@link ItemJdbc} on it. Connections use the settings the
 * backend uses for a database file (WAL, UTF-8), so the comparison measures the engine, not the
 * journal mode.
 */
public final class SqliteItemTable {

    public static final String TABLE = "\"" + Items.ENTITY + "\"";

    public static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (\"object_id\" TEXT NOT NULL UNIQUE, "
            + "\"hb_rowid\" INTEGER PRIMARY KEY, \"name\" TEXT, \"category\" TEXT, \"price\" REAL, \"qty\" INTEGER, "
            + "\"active\" INTEGER)";
    public static final String UPSERT = ItemJdbc.upsert(TABLE);
    public static final String BY_ID = ItemJdbc.byId(TABLE);
    public static final String FILTERED = ItemJdbc.filtered(TABLE, "\"object_id\"");

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
}
