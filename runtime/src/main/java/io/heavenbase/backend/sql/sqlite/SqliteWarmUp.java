package io.heavenbase.backend.sql.sqlite;

import org.sqlite.SQLiteConfig;

/**
 * Prepares sqlite-jdbc on a background thread while the application is still starting
 * ({@link SqliteProvider#warmUp()}), so that opening
 * the first SQLite backend does not pay for it on the startup thread: loading the native library
 * ({@link SqliteNativeLibrary}) and sqlite-jdbc's connection configuration, whose date formats load the
 * JDK's locale data. Only class and library initialisation happens here (no connection, no
 * {@code DriverManager}, which other extensions initialise concurrently); a failure is ignored, because the
 * backend repeats every step when it opens and reports what fails there.
 */
final class SqliteWarmUp {

    private SqliteWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    static void start() {
        Thread thread = new Thread(SqliteWarmUp::run, "heavenbase-sqlite-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the warm-up on this thread; never throws. */
    static void run() {
        try {
            SqliteNativeLibrary.prepare();
            new SQLiteConfig();
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(SqliteWarmUp.class.getName()).log(System.Logger.Level.DEBUG,
                    "SQLite warm-up failed; the backend loads sqlite-jdbc when it opens", e);
        }
    }
}
