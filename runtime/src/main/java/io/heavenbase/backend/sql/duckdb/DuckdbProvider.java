package io.heavenbase.backend.sql.duckdb;

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
 * The {@code duckdb} backend: an embedded DuckDB database through {@code org.duckdb:duckdb_jdbc}.
 * Setting {@code database}: {@code :memory:} (the default) or a file path.
 */
public final class DuckdbProvider extends ProviderBase {

    static final String DATABASE = "database";

    /** The {@code duckdb} type. */
    public DuckdbProvider() {
        super("duckdb", DuckdbDialect.CAPABILITIES, Set.of(DATABASE), new DriverProbe("the DuckDB JDBC driver",
                "org.duckdb:duckdb_jdbc", List.of("org.duckdb.DuckDBDriver")));
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return SqlBackend.class;
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(DATABASE, DuckdbDatabase.MEMORY, "':memory:' or a file path."));
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String database = config.string(DATABASE, DuckdbDatabase.MEMORY).trim();
        String prefix = config.prefix();
        ConnectionSource connections;
        try {
            connections = DuckdbDatabase.open(database);
        } catch (SQLException | IOException | InvalidPathException e) {
            throw new ConfigurationException(config.property(DATABASE), "backend '" + config.backendName()
                    + "' cannot open DuckDB database '" + database + "' (" + config.property(DATABASE) + "): "
                    + e.getMessage(), e);
        }
        return new SqlBackend(config.backendName(), prefix, null, new DuckdbDialect(), connections,
                SecretRedactor.none());
    }
}
