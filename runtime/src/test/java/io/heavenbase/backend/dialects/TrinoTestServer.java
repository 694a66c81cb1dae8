package io.heavenbase.backend.dialects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The Trino the trino backend tests run against. {@code HEAVENBASE_TEST_TRINO_URL} (with
 * {@code _USERNAME}, {@code _PASSWORD}, {@code _SCHEMA}) names an existing server; without it the first
 * caller starts one: Trino {@value TrinoDistribution#VERSION} with one Iceberg catalog on local files
 * (see {@link TrinoProcess}), on Java 25, on a free loopback port, stopped when the JVM exits. When
 * that cannot be done (no Java 25, download or start failed) the calling tests are skipped with the
 * reason on stderr, and fail instead under {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}.
 * The time each part took is printed to the build log, prefixed {@code [trino]}.
 */
final class TrinoTestServer {

    static final String URL_VARIABLE = "HEAVENBASE_TEST_TRINO_URL";
    static final String USER = "heavenbase";
    static final String SCHEMA = "heavenbase";
    private static final long NODE_WAIT_NANOS = 60_000_000_000L;

    private static Endpoint endpoint;
    private static String failure;
    private static double testSeconds;

    private TrinoTestServer() {
    }

    /** The backend settings of the server: {@code url} and {@code username} (and password/schema when configured). */
    record Endpoint(String url, String username, String password, String schema) {
    }

    /** The server; starts one on the first call, skips (or fails, when services are required) without one. */
    static synchronized Endpoint endpoint() {
        if (endpoint == null && failure == null) {
            String configured = System.getenv(URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                endpoint = new Endpoint(configured.trim(), variable("USERNAME", USER), variable("PASSWORD", null),
                        variable("SCHEMA", null));
            } else {
                start();
            }
        }
        if (failure != null) {
            if (servicesRequired()) {
                throw new IllegalStateException(failure);
            }
            Assumptions.abort(failure);
        }
        return endpoint;
    }

    /** The whole suite entity on one backend {@code main} on this server, under a fresh random table prefix. */
    static ConformanceLayout layout() {
        Map<String, Object> config = config();
        String prefix = (String) config.get("prefix");
        return new ConformanceLayout("trino-live", Map.of("main", config), Map.of(), () -> { }).persistentStores()
                .listingStructures(() -> tables(config, prefix));
    }

    /** The tables of the backend's schema whose names start with {@code prefix}. */
    static List<String> tables(Map<String, Object> config, String prefix) {
        Properties properties = new Properties();
        properties.setProperty("user", (String) config.get("username"));
        if (config.get("password") != null) {
            properties.setProperty("password", (String) config.get("password"));
        }
        List<String> out = new ArrayList<>();
        try (java.sql.Connection jdbc = DriverManager.getConnection((String) config.get("url"), properties)) {
            String schema = config.get("schema") != null ? (String) config.get("schema") : jdbc.getSchema();
            try (ResultSet rows = jdbc.getMetaData().getTables(jdbc.getCatalog(), schema, null, null)) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (table.startsWith(prefix)) {
                        out.add(table);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of prefix " + prefix + " on Trino", e);
        }
        return out;
    }

    /** A trino backend configuration for this server with a fresh random table prefix. */
    static Map<String, Object> config() {
        Endpoint server = endpoint();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "trino");
        config.put("url", server.url());
        config.put("prefix", "hbt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_");
        config.put("username", server.username());
        if (server.password() != null) {
            config.put("password", server.password());
        }
        if (server.schema() != null) {
            config.put("schema", server.schema());
        }
        return config;
    }

    /** Adds one test class's wall time to the Trino part printed at the end. */
    static synchronized void recordTests(String testClass, double seconds) {
        testSeconds += seconds;
        System.out.printf(Locale.ROOT, "[trino] %s took %.1f s (Trino tests so far: %.1f s)%n", testClass, seconds,
                testSeconds);
    }

    private static void start() {
        try {
            Path java = JavaHomes.atLeast(24);
            if (java == null) {
                fail("no Java 24+ found for Trino " + TrinoDistribution.VERSION + " (set HEAVENBASE_TEST_TRINO_JAVA_HOME, "
                        + "or install one under /usr/lib/jvm)");
                return;
            }
            TrinoDistribution distribution = TrinoDistribution.cached();
            distribution.ensure();
            Path runDirectory = Files.createTempDirectory(
                    Files.createDirectories(Path.of(System.getProperty("user.dir"), "target")), "trino-");
            long started = System.nanoTime();
            TrinoProcess process = TrinoProcess.start(java, distribution, runDirectory);
            String url = "jdbc:trino://127.0.0.1:" + process.port() + "/iceberg/" + SCHEMA;
            createSchema(url);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.stop();
                System.out.printf(Locale.ROOT, "[trino] stopped; Trino tests took %.1f s in all%n", testSeconds);
            }, "trino-stop"));
            System.out.printf(Locale.ROOT,
                    "[trino] Trino %s on %s (run directory %s): download %.1f s, unpack %.1f s, start %.1f s%n",
                    TrinoDistribution.VERSION, url, runDirectory, distribution.downloadSeconds(),
                    distribution.unpackSeconds(), startSeconds);
            endpoint = new Endpoint(url, USER, null, null);
        } catch (IOException | SQLException | RuntimeException e) {
            fail("could not start Trino " + TrinoDistribution.VERSION + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while starting Trino");
        }
    }

    /**
     * Creates the tests' schema, then waits until a query that reads a table runs: the coordinator answers DDL
     * before its own node has announced the catalog to the node scheduler, and a scan in those first seconds
     * fails with "No nodes available to run query" (seen in CI on the first cases of the suite).
     */
    private static void createSchema(String url) throws SQLException, InterruptedException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        String probe = "iceberg." + SCHEMA + ".hb_server_ready";
        try (java.sql.Connection jdbc = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/')), properties);
                Statement statement = jdbc.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS iceberg." + SCHEMA);
            statement.execute("CREATE TABLE IF NOT EXISTS " + probe + " (x bigint)");
            long deadline = System.nanoTime() + NODE_WAIT_NANOS;
            while (true) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + probe)) {
                    rows.next();
                    break;
                } catch (SQLException e) {
                    if (!String.valueOf(e.getMessage()).contains("No nodes available") || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
            statement.execute("DROP TABLE " + probe);
        }
    }

    private static void fail(String reason) {
        failure = reason + "; or set " + URL_VARIABLE + " to a running Trino";
        System.err.println("SKIPPING trino backend tests against a real server: " + failure);
    }

    private static String variable(String suffix, String fallback) {
        String value = System.getenv("HEAVENBASE_TEST_TRINO_" + suffix);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean servicesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }
}
