package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.SecretRedactor;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The {@code sqlite} backend: an embedded SQLite database through sqlite-jdbc. Setting
 * {@code database}: {@code :memory:} (the default), a file path (parent directories are created) or
 * a {@code file:} URI.
 */
public final class SqliteProvider extends ProviderBase {

    static final String DATABASE = "database";

    /** The {@code sqlite} type. */
    public SqliteProvider() {
        super("sqlite", SqliteDialect.CAPABILITIES, Set.of(DATABASE), new DriverProbe("sqlite-jdbc",
                "org.xerial:sqlite-jdbc", List.of("org.sqlite.JDBC")));
    }

    /** Loads sqlite-jdbc's native library and date formats ({@link SqliteWarmUp}). */
    @Override
    public void warmUp() {
        SqliteWarmUp.run();
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(DATABASE, SqliteDatabase.MEMORY, "':memory:', a file path or a file: URI."));
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String database = config.string(DATABASE, SqliteDatabase.MEMORY).trim();
        String prefix = config.prefix();
        ConnectionSource connections;
        try {
            connections = SqliteDatabase.open(database);
        } catch (SQLException | IOException | InvalidPathException e) {
            throw new ConfigurationException(config.property(DATABASE), "backend '" + config.backendName()
                    + "' cannot open SQLite database '" + database + "' (" + config.property(DATABASE) + "): "
                    + e.getMessage(), e);
        }
        return new SqlBackend(config.backendName(), prefix, null, new SqliteDialect(), connections,
                SecretRedactor.none());
    }
}
