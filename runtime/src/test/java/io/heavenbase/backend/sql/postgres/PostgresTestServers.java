package io.heavenbase.backend.sql.postgres;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import io.heavenbase.testsupport.NpmTestServers;
import io.heavenbase.testsupport.TestServices;

/**
 * The servers the postgres and pgvector tests talk to: a PostgreSQL server
 * ({@code HEAVENBASE_TEST_POSTGRES_URL}, by default the local PostgreSQL 15, database {@code test})
 * and a PostgreSQL with pgvector ({@code HEAVENBASE_TEST_PGVECTOR_URL}; when unset, a PGlite server the
 * tests start themselves, {@link NpmTestServers#pgliteUrl()}: one shared session, at most 4
 * connections, so its pools stay at 2). Every test works in a schema of its own with a random name,
 * dropped afterwards. A server that does not answer or cannot start skips the tests with the reason
 * (in the surefire report), except under {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true},
 * where they fail.
 */
public enum PostgresTestServers {

    POSTGRES("postgres", "HEAVENBASE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", 4),
    PGVECTOR("pgvector", "HEAVENBASE_TEST_PGVECTOR_URL", null, 2);

    private static final Map<PostgresTestServers, String> FAILURES = new ConcurrentHashMap<>();
    private static final Map<PostgresTestServers, String> URLS = new ConcurrentHashMap<>();

    private final String type;
    private final String variable;
    private final String defaultUrl;
    private final int poolSize;

    PostgresTestServers(String type, String variable, String defaultUrl, int poolSize) {
        this.type = type;
        this.variable = variable;
        this.defaultUrl = defaultUrl;
        this.poolSize = poolSize;
    }

    /** The backend type these tests open on this server. */
    public String type() {
        return type;
    }

    /** The JDBC URL; skips (or, when services are required, fails) the calling test without a server. */
    public String url() {
        String url = URLS.computeIfAbsent(this, server -> {
            String configured = System.getenv(variable);
            if (configured != null && !configured.isBlank()) {
                return check(configured.trim(), "the " + variable + " given");
            }
            if (defaultUrl != null) {
                return check(defaultUrl, "start PostgreSQL or set " + variable);
            }
            try {
                return check(NpmTestServers.pgliteUrl(), "the PGlite server the tests started");
            } catch (IllegalStateException e) {
                FAILURES.put(this, "cannot start a PGlite server for the " + type + " tests (or set " + variable
                        + "): " + e.getMessage());
                return "";
            }
        });
        String failure = FAILURES.get(this);
        if (failure != null) {
            TestServices.unavailable(failure);
        }
        return url;
    }

    private String check(String url, String hint) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.isValid(5);
        } catch (SQLException e) {
            FAILURES.put(this, "no " + type + " server answers at " + url + " (" + e.getMessage() + "); " + hint);
        }
        return url;
    }

    /** A fresh schema name no other test uses. */
    public static String freshSchema() {
        return "hb_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** A backend configuration of this server's type in {@code schema}, plus {@code extra} key-value pairs. */
    public Map<String, Object> config(String schema, Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("url", url());
        config.put("schema", schema);
        config.put("pool-size", poolSize);
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    /** A plain JDBC connection to this server, for checks and cleanup. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** The tables, views and sequences in {@code schema}: what a workspace configured with it created. */
    public List<String> tables(String schema) {
        List<String> out = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'm', 'S', 'p') ORDER BY 1")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of test schema " + schema + " on " + type, e);
        }
        return out;
    }

    /** Drops a test schema and everything in it. */
    public void dropSchema(String schema) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema + " on " + type, e);
        }
    }
}
