package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.ConnectionSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link SqliteNativeLibraryTest}: opens an in-memory SQLite database the way the
 * backend does, then prints the SQLite version and the native library file this process mapped.
 */
public final class SqliteNativeLibraryProbe {

    private SqliteNativeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.List.of(args).contains("warm-up")) {
            SqliteWarmUp.start();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("heavenbase-sqlite-warm-up")) {
                    thread.join(30_000);
                }
            }
            System.out.println("warmedMarker=" + System.getProperty(SqliteNativeLibrary.LOADED_PROPERTY));
        }
        try (ConnectionSource source = SqliteDatabase.open(SqliteDatabase.MEMORY)) {
            String version = source.read(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select sqlite_version()")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            System.out.println("version=" + version);
        }
        String mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.contains("sqlitejdbc")).map(line -> line.substring(line.indexOf('/')))
                .distinct().collect(Collectors.joining(","));
        System.out.println("mapped=" + mapped);
        System.out.println("marker=" + System.getProperty(SqliteNativeLibrary.LOADED_PROPERTY));
        System.out.println("libPath=" + System.getProperty("org.sqlite.lib.path"));
    }
}
