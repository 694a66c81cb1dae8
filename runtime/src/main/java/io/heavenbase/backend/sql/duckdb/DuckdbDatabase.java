package io.heavenbase.backend.sql.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Opens the DuckDB database named by the {@code database} setting: {@code :memory:} (or empty) is a
 * private in-memory database per backend; anything else is a file path (parent directories are
 * created). The driver keeps one database instance per file in a JVM, so two backends on one file
 * share it (and a write lock); another process cannot open a file this one has open.
 */
final class DuckdbDatabase {

    static final String MEMORY = ":memory:";
    private static final Map<String, ReentrantLock> FILE_WRITE_LOCKS = new ConcurrentHashMap<>();

    private DuckdbDatabase() {
    }

    static DuckdbConnectionSource open(String database) throws SQLException, IOException {
        if (isMemory(database)) {
            return new DuckdbConnectionSource(connect("jdbc:duckdb:"), new ReentrantLock());
        }
        Path path = Path.of(database).toAbsolutePath().normalize();
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String file = path.toString();
        return new DuckdbConnectionSource(connect("jdbc:duckdb:" + file),
                FILE_WRITE_LOCKS.computeIfAbsent(file, key -> new ReentrantLock()));
    }

    static boolean isMemory(String database) {
        return database.isEmpty() || database.equals(MEMORY);
    }

    private static DuckDBConnection connect(String url) throws SQLException {
        Connection connection = new DuckDBDriver().connect(url, new Properties());
        return connection.unwrap(DuckDBConnection.class);
    }
}
