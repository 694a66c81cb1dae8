package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.PooledConnectionSource;
import io.heavenbase.backend.sql.SharedConnectionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens the connections of one SQLite database named by the {@code database} setting:
 * {@code :memory:} (or an in-memory {@code file:} URI) gets one shared connection, because every
 * in-memory connection is a database of its own; a file path or {@code file:} URI gets WAL mode, a
 * 10 s busy timeout, one writer connection taking the write lock at BEGIN (so concurrent writers in
 * other processes or workspaces wait instead of failing) and a few reader connections. The native
 * library is loaded through {@link SqliteNativeLibrary}'s per-user cache first.
 */
final class SqliteDatabase {

    static final String MEMORY = ":memory:";
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;

    private SqliteDatabase() {
    }

    static ConnectionSource open(String database) throws SQLException, IOException {
        SqliteNativeLibrary.prepare();
        String url = "jdbc:sqlite:" + database;
        if (isMemory(database)) {
            return new SharedConnectionSource(connect(url, false, SQLiteConfig.TransactionMode.DEFERRED));
        }
        createParentDirectory(database);
        return new PooledConnectionSource(() -> connect(url, true, SQLiteConfig.TransactionMode.IMMEDIATE),
                () -> connect(url, true, SQLiteConfig.TransactionMode.DEFERRED), READERS);
    }

    static boolean isMemory(String database) {
        return database.equals(MEMORY) || database.isEmpty()
                || (database.startsWith("file:") && (database.startsWith("file::memory:")
                        || database.contains("mode=memory")));
    }

    private static Connection connect(String url, boolean file, SQLiteConfig.TransactionMode mode)
            throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(mode);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        if (file) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        Connection connection = config.createConnection(url);
        try {
            SqliteSimilarityFunction.register(connection);
            SqliteMatchFunction.register(connection);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static void createParentDirectory(String database) throws IOException {
        if (database.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(database).toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
