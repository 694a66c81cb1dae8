package io.heavenbase.backend.sql;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
public abstract class JdbcServerProvider implements BackendProvider {

    static final String URL = "url";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String SCHEMA = "schema";
    static final String DATASOURCE = "datasource";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]{0,127}");
    private static final List<Pattern> URL_SECRETS = List.of(
            Pattern.compile("(?i)password=([^;&]+)"),
            Pattern.compile("(?i)^jdbc:[a-z0-9]+:[a-z0-9]+:[^/@:]*/([^@]+)@"));
    private static final int MAX_READERS = 4;

    /** A new dialect instance for one backend. */
    protected abstract SqlDialect dialect();

    /** The JDBC driver class that must be on the classpath. */
    protected abstract String driverClass();

    /** What every accepted {@code url} starts with, e.g. {@code jdbc:sqlserver:}. */
    protected abstract String urlPrefix();

    /** Adapts the connections to what the database needs (e.g. auto-commit writes); unchanged by default. */
    protected ConnectionSource adapt(ConnectionSource connections) {
        return connections;
    }

    @Override
    public Set<String> configKeys() {
        return Set.of(URL, USERNAME, PASSWORD, SCHEMA, DATASOURCE);
    }

    @Override
    public boolean available() {
        try {
            Class.forName(driverClass(), false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return SqlBackend.class;
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String prefix = config.prefix();
        String schema = schema(config);
        SecretRedactor redactor = new SecretRedactor(secrets(config));
        ConnectionSource connections = adapt(connect(config, redactor));
        return new SqlBackend(config.backendName(), prefix, schema, dialect(), connections, redactor);
    }

    private ConnectionSource connect(BackendConfig config, SecretRedactor redactor) {
        Object dataSource = config.object(BackendConfig.DATA_SOURCE_OBJECT);
        if (dataSource != null) {
            if (!(dataSource instanceof DataSource)) {
                throw new ConfigurationException(config.property(DATASOURCE), "backend '" + config.backendName()
                        + "' (" + type() + ") needs a javax.sql.DataSource for " + config.property(DATASOURCE)
                        + ", got " + dataSource.getClass().getName());
            }
            return new DataSourceConnectionSource((DataSource) dataSource);
        }
        String url = config.require(URL).trim();
        if (!url.startsWith(urlPrefix())) {
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName() + "' ("
                    + type() + ") needs a JDBC URL starting with '" + urlPrefix() + "' in " + config.property(URL));
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
        ConnectionFactory factory = () -> DriverManager.getConnection(url, properties);
        try {
            return new PooledConnectionSource(factory, factory, MAX_READERS);
        } catch (SQLException e) {
            String reason = redactor.redact(String.valueOf(e.getMessage()));
            // The driver's exception is not kept as the cause: its message may quote the URL and its password.
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName() + "' ("
                    + type() + ") cannot connect with " + config.property(URL) + ": " + reason,
                    new SQLException(reason, e.getSQLState(), e.getErrorCode()));
        }
    }

    private static String schema(BackendConfig config) {
        String schema = config.string(SCHEMA, "").trim();
        if (schema.isEmpty()) {
            return null;
        }
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new ConfigurationException(config.property(SCHEMA), "invalid " + config.property(SCHEMA) + " '"
                    + schema + "': use letters, digits, '_', '$' or '#', starting with a letter or '_'");
        }
        return schema;
    }

    private static List<String> secrets(BackendConfig config) {
        List<String> secrets = new ArrayList<>();
        secrets.add(config.string(PASSWORD, null));
        String url = config.string(URL, "");
        for (Pattern pattern : URL_SECRETS) {
            Matcher matcher = pattern.matcher(url);
            while (matcher.find()) {
                secrets.add(matcher.group(1));
            }
        }
        return secrets;
    }
}
