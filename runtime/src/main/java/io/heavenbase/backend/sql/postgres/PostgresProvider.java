package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.JdbcServerProvider.DATASOURCE;
import static io.heavenbase.backend.sql.JdbcServerProvider.PASSWORD;
import static io.heavenbase.backend.sql.JdbcServerProvider.SCHEMA;
import static io.heavenbase.backend.sql.JdbcServerProvider.URL;
import static io.heavenbase.backend.sql.JdbcServerProvider.USERNAME;

import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.backend.sql.SecretRedactor;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.DevServiceDescription;
import io.heavenbase.spi.QuarkusRequirement;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The {@code postgres} backend: PostgreSQL through the PostgreSQL JDBC driver. Keys: {@code url}
 * ({@code jdbc:postgresql:...}), {@code username}, {@code password}, {@code schema} (created when
 * missing; default the connection's current schema), {@code pool-size} (default 8), or in Quarkus
 * {@code datasource} (the Agroal datasource is handed over under
 * {@link BackendConfig#DATA_SOURCE_OBJECT} instead of {@code url}). The password, and one written
 * into the URL, never reaches a message.
 */
public class PostgresProvider extends ProviderBase {

    static final String POOL_SIZE = "pool-size";
    static final int DEFAULT_POOL_SIZE = 8;

    private static final String URL_PREFIX = "jdbc:postgresql:";
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)password=([^&]+)");
    private static final DriverProbe DRIVER = new DriverProbe("the PostgreSQL JDBC driver",
            "org.postgresql:postgresql", List.of(PostgresPool.DRIVER));

    /** The {@code postgres} type. */
    public PostgresProvider() {
        this("postgres", PostgresDialect.CAPABILITIES, keysWith());
    }

    /** A PostgreSQL-based type with its own capabilities and keys. */
    protected PostgresProvider(String type, CapabilityTable capabilities, Set<String> configKeys) {
        super(type, capabilities, configKeys, DRIVER);
    }

    /** Whether the driver is visible to this provider or, in Quarkus dev mode, to the application's class loader. */
    @Override
    public boolean available() {
        return isPresent(PostgresPool.DRIVER);
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return SqlBackend.class;
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return new QuarkusRequirement(DRIVER.name(), List.of(PostgresPool.DRIVER),
                QuarkusRequirement.AGROAL_POOL, List.of("io.quarkus:quarkus-jdbc-postgresql"));
    }

    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.sqlServer();
    }

    @Override
    public DevServiceDescription devServices() {
        return new DevServiceDescription(container("postgres:17"), new DevServiceDescription.Embedded(
                "PostgreSQL (embedded binaries)", "io.heavenbase.quarkus.deployment.devservices.EmbeddedPostgresServer", null, null, List.of(URL, USERNAME),
                Set.of("postgresql", "pgsql", "pg", "postgres")));
    }

    /**
     * A PostgreSQL container that hands over the same connection as the embedded server: user {@code postgres},
     * database {@code postgres}, no password.
     */
    static DevServiceDescription.Container container(String image) {
        // The entrypoint starts the server twice (init scripts, then for real).
        return new DevServiceDescription.Container(image, List.of(5432), Map.of("POSTGRES_HOST_AUTH_METHOD", "trust"),
                List.of(), Map.of(),
                DevServiceDescription.Readiness.log(".*database system is ready to accept connections.*\\s", 2),
                JdbcServerProvider.orderedMap(URL, "jdbc:postgresql://{host}:{port}/postgres", USERNAME, "postgres"));
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        List<ConfigKey> keys = new ArrayList<>(JdbcServerProvider.serverKeyDescriptions());
        keys.add(ConfigKey.integer(POOL_SIZE, DEFAULT_POOL_SIZE, "Connection pool size when the backend connects with "
                + "its own url."));
        return List.copyOf(keys);
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String prefix = config.prefix();
        String schema = JdbcServerProvider.schema(config, SCHEMA_NAME,
                "use letters, digits and '_', starting with a letter or '_', at most 63 chars");
        SqlDialect dialect = dialect(config);
        SecretRedactor redactor = JdbcServerProvider.redactor(config, List.of(URL_PASSWORD));
        return new SqlBackend(config.backendName(), prefix, schema, dialect, connect(config, redactor), redactor);
    }

    /** The dialect of one backend of this type. */
    protected SqlDialect dialect(BackendConfig config) {
        return new PostgresDialect();
    }

    /** The keys every PostgreSQL-based type accepts plus {@code extra}. */
    protected static Set<String> keysWith(String... extra) {
        Set<String> keys = new LinkedHashSet<>(Set.of(URL, USERNAME, PASSWORD, SCHEMA, DATASOURCE, POOL_SIZE));
        keys.addAll(List.of(extra));
        return Set.copyOf(keys);
    }

    private ConnectionSource connect(BackendConfig config, SecretRedactor redactor) {
        DataSource dataSource = JdbcServerProvider.handedOver(config, type());
        if (dataSource != null) {
            return new PostgresConnectionSource(dataSource, null);
        }
        if (config.values().containsKey(DATASOURCE)) {
            throw new ConfigurationException(config.property(DATASOURCE), "backend '" + config.backendName()
                    + "' (" + type() + "): " + config.property(DATASOURCE) + " names a Quarkus datasource, which "
                    + "only the Quarkus extension can hand over; outside Quarkus set " + config.property(URL));
        }
        String url = config.require(URL).trim();
        if (!url.startsWith(URL_PREFIX)) {
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName() + "' ("
                    + type() + ") needs a JDBC URL starting with '" + URL_PREFIX + "' in " + config.property(URL));
        }
        int poolSize = config.integer(POOL_SIZE, DEFAULT_POOL_SIZE);
        if (poolSize < 1) {
            throw new ConfigurationException(config.property(POOL_SIZE),
                    config.property(POOL_SIZE) + " must be at least 1, got " + poolSize);
        }
        if (!available()) {
            throw new ConfigurationException(config.property("type"), "backend '" + config.backendName()
                    + "' of type '" + type() + "' needs the JDBC driver " + missingDriver() + " on the classpath");
        }
        if (!isPresent(PostgresPool.POOL_CLASS)) {
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName() + "' ("
                    + type() + ") needs io.agroal:agroal-pool on the classpath for its connection pool (or hand over a "
                    + "DataSource)");
        }
        try {
            return PostgresPool.open(url, config.string(USERNAME, null), config.string(PASSWORD, null), poolSize);
        } catch (SQLException e) {
            String reason = redactor.redact(String.valueOf(e.getMessage()));
            // The driver's exception is not kept as the cause: its message may quote the URL and its password.
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName() + "' ("
                    + type() + ") cannot connect with " + config.property(URL) + ": " + reason,
                    new SQLException(reason, e.getSQLState(), e.getErrorCode()));
        }
    }

    /**
     * Whether the class is visible to this provider or to the thread's context class loader: in Quarkus dev mode a
     * driver in the application's own (reloadable) classes is only visible to the latter.
     */
    private static boolean isPresent(String className) {
        return visibleClass(className) != null;
    }

    /** The class as {@link #isPresent} finds it, or null. */
    static Class<?> visibleClass(String className) {
        for (ClassLoader loader : new ClassLoader[] {PostgresProvider.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not visible to this loader; try the next
            }
        }
        return null;
    }
}
