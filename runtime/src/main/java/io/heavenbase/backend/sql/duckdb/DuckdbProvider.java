package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.SecretRedactor;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The {@code duckdb} backend: an embedded DuckDB database through {@code org.duckdb:duckdb_jdbc}.
 * Setting {@code database}: {@code :memory:} (the default) or a file path.
 */
public final class DuckdbProvider implements BackendProvider {

    static final String DATABASE = "database";

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public CapabilityTable capabilities() {
        return DuckdbDialect.CAPABILITIES;
    }

    @Override
    public Set<String> configKeys() {
        return Set.of(DATABASE);
    }

    @Override
    public boolean available() {
        try {
            Class.forName("org.duckdb.DuckDBDriver", false, DuckdbProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public String driverMarker() {
        return "org.duckdb.DuckDBDriver";
    }

    @Override
    public String missingDriver() {
        return "org.duckdb:duckdb_jdbc";
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
