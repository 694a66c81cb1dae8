package io.heavenbase.backend.sql;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.QuarkusRequirement;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A provider of a SQL server backend reached over JDBC (SPEC §4 keys {@code url}, {@code username},
 * {@code password}, {@code schema}; in Quarkus {@code datasource}). Connections come from a ready
 * {@link DataSource} handed over under {@link BackendConfig#DATA_SOURCE_OBJECT} when there is one,
 * otherwise from the driver with {@code url}: one writer connection and up to four readers. The
 * password, and any password written into the URL ({@code password=...}, or Oracle's
 * {@code user/password@}), never reaches a message.
 */
public abstract class JdbcServerProvider extends ProviderBase {

    /** The JDBC URL key. */
    public static final String URL = "url";
    /** The user name key. */
    public static final String USERNAME = "username";
    /** The password key (a secret). */
    public static final String PASSWORD = "password";
    /** The database schema key. */
    public static final String SCHEMA = "schema";
    /** The Quarkus datasource key. */
    public static final String DATASOURCE = "datasource";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]{0,127}");
    private static final List<Pattern> URL_SECRETS = List.of(
            Pattern.compile("(?i)password=([^;&]+)"),
            Pattern.compile("(?i)^jdbc:[a-z0-9]+:[a-z0-9]+:[^/@:]*/([^@]+)@"));
    private static final int MAX_READERS = 4;

    private final DriverProbe driver;
    private final String urlPrefix;
    private final Supplier<SqlDialect> dialect;

    /**
     * A JDBC server type: everything but the dialect's behaviour is these constants.
     *
     * @param type the backend type, e.g. {@code mssql}
     * @param capabilities the dialect's capability table
     * @param driver the JDBC driver: its {@link java.sql.Driver} class and the coordinates an application adds
     * @param urlPrefix what every accepted {@code url} starts with, e.g. {@code jdbc:sqlserver:}
     * @param dialect a new dialect instance for each backend
     */
    protected JdbcServerProvider(String type, CapabilityTable capabilities, DriverProbe driver, String urlPrefix,
            Supplier<SqlDialect> dialect) {
        super(type, capabilities, Set.of(URL, USERNAME, PASSWORD, SCHEMA, DATASOURCE), driver);
        this.driver = driver;
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
    }

    /** The JDBC driver class that must be on the classpath. */
    protected final String driverClass() {
        return driver.marker();
    }

    /** What Quarkus needs for this type: the driver, which the Quarkus JDBC extension {@code extension} brings. */
    protected final QuarkusRequirement quarkusDriver(String extension) {
        return new QuarkusRequirement(driver.name(), List.of(driverClass()), null, List.of(extension));
    }

    /**
     * Driver properties this type adds to every connection opened from {@code url} (after {@code user}
     * and {@code password}); none by default.
     */
    protected void driverProperties(String url, Properties properties) {
    }

    /** Adapts the connections to what the database needs (e.g. auto-commit writes); unchanged by default. */
    protected ConnectionSource adapt(ConnectionSource connections) {
        return connections;
    }

    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.sqlServer();
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return serverKeyDescriptions();
    }

    /** The keys every SQL server type has: where the server is, who connects, which schema, or a datasource. */
    public static List<ConfigKey> serverKeyDescriptions() {
        return List.of(
                ConfigKey.text(URL, "JDBC URL of the server (or a Quarkus datasource instead)."),
                ConfigKey.text(USERNAME, "User name."),
                ConfigKey.secret(PASSWORD, "Password; never printed in messages."),
                ConfigKey.text(SCHEMA, "Database schema; default the connection's current schema."),
                ConfigKey.text(DATASOURCE, "Quarkus only, build time: the Agroal datasource used instead of url."));
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return SqlBackend.class;
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String prefix = config.prefix();
        String schema = schema(config, SCHEMA_NAME, "use letters, digits, '_', '$' or '#', starting with a letter or '_'");
        SecretRedactor redactor = redactor(config, URL_SECRETS);
        ConnectionSource connections = adapt(connect(config, redactor));
        return new SqlBackend(config.backendName(), prefix, schema, dialect.get(), connections, redactor);
    }

    private ConnectionSource connect(BackendConfig config, SecretRedactor redactor) {
        DataSource dataSource = handedOver(config, type());
        if (dataSource != null) {
            return new DataSourceConnectionSource(dataSource);
        }
        String url = config.require(URL).trim();
        if (!url.startsWith(urlPrefix)) {
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName() + "' ("
                    + type() + ") needs a JDBC URL starting with '" + urlPrefix + "' in " + config.property(URL));
        }
        if (!available()) {
            throw new ConfigurationException(config.property("type"), "backend '" + config.backendName()
                    + "' of type '" + type() + "' needs the JDBC driver " + missingDriver() + " on the classpath");
        }
        Properties properties = new Properties();
        String username = config.string(USERNAME, null);
        String password = config.string(PASSWORD, null);
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        driverProperties(url, properties);
        Driver driver = driver(config);
        ConnectionFactory factory = () -> {
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new SQLException("the driver " + driverClass() + " does not accept this URL");
            }
            return connection;
        };
        try {
            return new PooledConnectionSource(factory, factory, MAX_READERS);
        } catch (SQLException e) {
            String reason = redactor.redact(String.valueOf(e.getMessage()));
            String message = "backend '" + config.backendName() + "' (" + type() + ") cannot connect with "
                    + config.property(URL) + ": " + reason;
            // The driver's exception is not kept as the cause: its message may quote the URL and its password.
            if (isConnectionFailure(e)) {
                // A server that does not answer is not a configuration mistake: callers may wait for it. The
                // SQLSTATE says so also where the driver gave another (Oracle: none, or its own).
                String state = e.getSQLState() != null && e.getSQLState().startsWith("08") ? e.getSQLState() : "08001";
                throw new BackendException(config.backendName(), "connect", "cannot reach the server of "
                        + config.property(URL) + ": " + reason,
                        new SQLException(reason, state, e.getErrorCode()));
            }
            throw new ConfigurationException(config.property(URL), message,
                    new SQLException(reason, e.getSQLState(), e.getErrorCode()));
        }
    }

    /**
     * The driver, loaded from this library's class loader rather than looked up in {@link java.sql.DriverManager},
     * which sees only drivers of the system class loader (not those of a Quarkus application, for example).
     */
    private Driver driver(BackendConfig config) {
        try {
            return (Driver) Class.forName(driverClass(), true, getClass().getClassLoader()).getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new ConfigurationException(config.property("type"), "backend '" + config.backendName()
                    + "' of type '" + type() + "' cannot load the JDBC driver " + driverClass() + " ("
                    + missingDriver() + "): " + e);
        }
    }

    /**
     * Whether the driver could not reach the server: SQLSTATE class 08 (connection exception), a connection
     * exception type, or an I/O failure underneath (Oracle reports a refused connection without a SQLSTATE).
     */
    static boolean isConnectionFailure(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code schema} key, trimmed: null when blank; otherwise it must match {@code name}, and the error says
     * {@code rule}.
     */
    public static String schema(BackendConfig config, Pattern name, String rule) {
        String schema = config.string(SCHEMA, "").trim();
        if (schema.isEmpty()) {
            return null;
        }
        if (!name.matcher(schema).matches()) {
            throw new ConfigurationException(config.property(SCHEMA), "invalid " + config.property(SCHEMA) + " '"
                    + schema + "': " + rule);
        }
        return schema;
    }

    /** Hides the configured password and every secret the {@code urlSecrets} patterns find (group 1) in the url. */
    public static SecretRedactor redactor(BackendConfig config, List<Pattern> urlSecrets) {
        List<String> secrets = new ArrayList<>();
        secrets.add(config.string(PASSWORD, null));
        String url = config.string(URL, "");
        for (Pattern pattern : urlSecrets) {
            Matcher matcher = pattern.matcher(url);
            while (matcher.find()) {
                secrets.add(matcher.group(1));
            }
        }
        return new SecretRedactor(secrets);
    }

    /**
     * The DataSource the Quarkus extension handed over under {@link BackendConfig#DATA_SOURCE_OBJECT}, or null when
     * there is none; anything else there is a configuration error of a backend of {@code type}.
     */
    public static DataSource handedOver(BackendConfig config, String type) {
        Object dataSource = config.object(BackendConfig.DATA_SOURCE_OBJECT);
        if (dataSource != null && !(dataSource instanceof DataSource)) {
            throw new ConfigurationException(config.property(DATASOURCE), "backend '" + config.backendName()
                    + "' (" + type + ") needs a javax.sql.DataSource for " + config.property(DATASOURCE)
                    + ", got " + dataSource.getClass().getName());
        }
        return (DataSource) dataSource;
    }

    /**
     * A map of the keys and values in the order given, for dev-service connection settings.
     *
     * @param keysAndValues key, value, key, value, ...
     * @return a mutable map that iterates in the order given
     */
    public static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
