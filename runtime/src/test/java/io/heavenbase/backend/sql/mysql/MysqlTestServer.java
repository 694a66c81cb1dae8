package io.heavenbase.backend.sql.mysql;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The MySQL-protocol server the mysql and oceanbase tests run against: {@code HEAVENBASE_TEST_MYSQL_URL},
 * by default {@value #DEFAULT_URL} (the local MariaDB that {@code .ci/run} starts). When it does
 * not answer, tests are skipped with the reason on stderr, except under {@code CI=true} or
 * {@code HEAVENBASE_REQUIRE_SERVICES=true}, where they fail. Every test works under its own random
 * table prefix and drops its tables afterwards.
 */
final class MysqlTestServer {

    static final String URL_VARIABLE = "HEAVENBASE_TEST_MYSQL_URL";
    static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=";

    private static String url;
    private static String failure;
    private static AgroalDataSource dataSource;

    private MysqlTestServer() {
    }

    /** The server URL; skips (or, when services are required, fails) the calling test without a server. */
    static synchronized String url() {
        if (url == null && failure == null) {
            String configured = System.getenv(URL_VARIABLE);
            String candidate = configured == null || configured.isBlank() ? DEFAULT_URL : configured.trim();
            try (Connection connection = DriverManager.getConnection(candidate)) {
                connection.isValid(5);
                url = candidate;
            } catch (SQLException e) {
                failure = "no MySQL/MariaDB server answers at " + candidate.replaceAll("password=[^&]*", "password=****")
                        + " (" + e.getMessage() + "); start it with '.ci/run' or set " + URL_VARIABLE;
                System.err.println("SKIPPING mysql backend tests: " + failure);
            }
        }
        if (failure != null) {
            if ("true".equals(System.getenv("CI")) || "true".equals(System.getenv("HEAVENBASE_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(failure);
            }
            Assumptions.abort(failure);
        }
        return url;
    }

    /** A prefix no other test uses, so tests never see each other's tables. */
    static String freshPrefix() {
        return "hbt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
    }

    /** A backend configuration of {@code type} connecting by URL, with {@code prefix}. */
    static Map<String, Object> urlConfig(String type, String prefix) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("url", url());
        config.put("prefix", prefix);
        return config;
    }

    /** A backend configuration of {@code type} handing over the shared test pool, as Quarkus does. */
    static Map<String, Object> dataSourceConfig(String type, String prefix) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("datasource", "<default>");
        config.put("_datasource", dataSource());
        config.put("prefix", prefix);
        return config;
    }

    /** One Agroal pool for the whole test JVM, like an application datasource. */
    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            String target = url();
            try {
                dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(pool -> pool.maxSize(8)
                                .connectionFactoryConfiguration(factory -> factory
                                        .connectionProviderClassName("com.mysql.cj.jdbc.Driver").jdbcUrl(target))));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test pool", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close));
        }
        return dataSource;
    }

    /** The tables of the test database whose names start with {@code prefix}. */
    static List<String> tables(String prefix) {
        List<String> out = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url());
                PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME FROM "
                        + "information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND LEFT(TABLE_NAME, ?) = ? "
                        + "ORDER BY TABLE_NAME")) {
            statement.setInt(1, prefix.length());
            statement.setString(2, prefix);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of prefix " + prefix, e);
        }
        return out;
    }

    /** Drops every table whose name starts with {@code prefix} (prefixes are random: only this test's own). */
    static void dropTables(String prefix) {
        List<String> tables = tables(prefix);
        if (tables.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS `" + table + "`");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the tables of prefix " + prefix, e);
        }
    }

    /** Runs one statement on a fresh connection. */
    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** Runs one statement on a fresh connection and returns the first column of the first row. */
    static String scalar(String sql) {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
