package io.heavenbase.backend.sql;

import io.heavenbase.spi.ConfigKey;
import java.util.List;
import java.util.function.Supplier;
import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.sql.SQLException;
import java.util.Set;

/**
 * A provider of an embedded SQL database (sqlite, duckdb): its one key, {@code database}, is {@value #MEMORY} (the
 * default) or a file.
 */
public abstract class EmbeddedProvider extends ProviderBase {

    /** The key naming the database. */
    public static final String DATABASE = "database";

    /** The {@code database} of an in-memory database, the default. */
    public static final String MEMORY = ":memory:";

    private final String product;
    private final String databaseKey;
    private final Supplier<SqlDialect> dialect;

    /**
     * @param type the backend type, e.g. {@code sqlite}
     * @param capabilities the dialect's capability table
     * @param driver the JDBC driver
     * @param product the database as a message names it, e.g. {@code SQLite}
     * @param databaseKey the description of the {@code database} key in the configuration reference
     * @param dialect a new dialect instance for each backend
     */
    protected EmbeddedProvider(String type, CapabilityTable capabilities, DriverProbe driver, String product,
            String databaseKey, Supplier<SqlDialect> dialect) {
        super(type, capabilities, Set.of(DATABASE), driver);
        this.product = product;
        this.databaseKey = databaseKey;
        this.dialect = dialect;
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return SqlBackend.class;
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(DATABASE, MEMORY, databaseKey));
    }

    /** The connections of {@code database} ({@value #MEMORY} or a file). */
    protected abstract ConnectionSource connect(String database) throws SQLException, IOException;

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String database = config.string(DATABASE, MEMORY).trim();
        String prefix = config.prefix();
        ConnectionSource connections;
        try {
            connections = connect(database);
        } catch (SQLException | IOException | InvalidPathException e) {
            throw new ConfigurationException(config.property(DATABASE), "backend '" + config.backendName()
                    + "' cannot open " + product + " database '" + database + "' (" + config.property(DATABASE)
                    + "): " + e.getMessage(), e);
        }
        return new SqlBackend(config.backendName(), prefix, null, dialect.get(), connections, SecretRedactor.none());
    }
}
