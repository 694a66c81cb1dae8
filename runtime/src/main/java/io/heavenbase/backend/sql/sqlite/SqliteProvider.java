package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.EmbeddedProvider;
import io.heavenbase.spi.support.DriverProbe;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code sqlite} backend: an embedded SQLite database through sqlite-jdbc. Setting
 * {@code database}: {@code :memory:} (the default), a file path (parent directories are created) or
 * a {@code file:} URI.
 */
public final class SqliteProvider extends EmbeddedProvider {

    /** The {@code sqlite} type. */
    public SqliteProvider() {
        super("sqlite", SqliteDialect.CAPABILITIES, new DriverProbe("sqlite-jdbc",
                "org.xerial:sqlite-jdbc", List.of("org.sqlite.JDBC")), "SQLite",
                "':memory:', a file path or a file: URI.", SqliteDialect::new);
    }

    /** Loads sqlite-jdbc's native library and date formats ({@link SqliteWarmUp}). */
    @Override
    public void warmUp() {
        SqliteWarmUp.run();
    }

    @Override
    protected ConnectionSource connect(String database) throws SQLException, IOException {
        return SqliteDatabase.open(database);
    }
}
