package io.heavenbase.bench.data;

import io.heavenbase.engine.ProviderRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the server-backed benchmarks find their services (the same variables as the tests) and
 * why a row cannot run here: a backend type not in this build, or a server that does not answer.
 */
public final class Services {

    public static final String POSTGRES_VARIABLE = "HEAVENBASE_TEST_POSTGRES_URL";
    public static final String POSTGRES_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String PGVECTOR_VARIABLE = "HEAVENBASE_TEST_PGVECTOR_URL";
    /** Set by the smoke test to the PGlite server it started when {@value #PGVECTOR_VARIABLE} is unset. */
    public static final String PGVECTOR_PROPERTY = "heavenbase.test.pgvector.url";
    /** Where {@code bash .ci/npm-servers.sh start} runs PGlite. */
    public static final String PGVECTOR_DEFAULT =
            "jdbc:postgresql://127.0.0.1:55499/postgres?user=postgres&sslmode=disable&prepareThreshold=0";

    private Services() {
    }

    public static String postgresUrl() {
        return env(POSTGRES_VARIABLE, POSTGRES_DEFAULT);
    }

    public static final String MYSQL_VARIABLE = "HEAVENBASE_TEST_MYSQL_URL";
    public static final String MYSQL_DEFAULT = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=";

    public static String mysqlUrl() {
        return env(MYSQL_VARIABLE, MYSQL_DEFAULT);
    }

    /** {@value #PGVECTOR_VARIABLE}, else the {@value #PGVECTOR_PROPERTY} system property, else the default. */
    public static String pgvectorUrl() {
        return env(PGVECTOR_VARIABLE, System.getProperty(PGVECTOR_PROPERTY, PGVECTOR_DEFAULT));
    }

    public static final String ELASTICSEARCH_VARIABLE = "HEAVENBASE_TEST_ELASTICSEARCH_HOSTS";
    /** Set to the node the harness started when {@value #ELASTICSEARCH_VARIABLE} is unset (see {@link #searchNode}). */
    public static final String ELASTICSEARCH_PROPERTY = "heavenbase.test.elasticsearch.hosts";

    /**
     * {@value #ELASTICSEARCH_VARIABLE} ({@code host:port}), else the {@value #ELASTICSEARCH_PROPERTY} system property;
     * null when neither is set.
     */
    public static String configuredSearchHosts() {
        return env(ELASTICSEARCH_VARIABLE, System.getProperty(ELASTICSEARCH_PROPERTY));
    }

    /** The search node's {@code host:port} list; {@link #searchNode} must have found or started one. */
    public static String elasticsearchHosts() {
        String hosts = configuredSearchHosts();
        if (hosts == null || hosts.isBlank()) {
            throw new IllegalStateException("no search node: set " + ELASTICSEARCH_VARIABLE
                    + " or call Services.searchNode() first");
        }
        return hosts;
    }

    /**
     * Why the search rows cannot run, or empty when their node answers: the server at
     * {@value #ELASTICSEARCH_VARIABLE} when set, otherwise an OpenSearch node this JVM starts on first use.
     */
    public static Optional<String> searchNode() {
        return firstOf(LocalSearchNode::ensureStarted, Services::unreachableSearchNode);
    }

    /** Why the search node cannot be used, or empty when {@code GET /} answers 200 within two seconds. */
    private static Optional<String> unreachableSearchNode() {
        String host = elasticsearchHosts().split(",")[0].trim();
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                            .timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.empty()
                    : Optional.of("search node " + host + " answered " + response.statusCode() + " (set "
                            + ELASTICSEARCH_VARIABLE + ")");
        } catch (IOException e) {
            return Optional.of("no search node at " + host + " (set " + ELASTICSEARCH_VARIABLE + "): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing " + host);
        }
    }

    /** Why a backend type cannot be used, or empty when its provider is in this build. */
    public static Optional<String> missingBackend(String type) {
        return ProviderRegistry.providers().containsKey(type) ? Optional.empty()
                : Optional.of("backend type '" + type + "' is not in this build of HeavenBase yet");
    }

    /** Why a JDBC server cannot be used, or empty when it answers within two seconds. */
    public static Optional<String> unreachable(String url, String variable) {
        DriverManager.setLoginTimeout(2);
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.isValid(2) ? Optional.empty()
                    : Optional.of("no answer from " + redacted(url) + " (set " + variable + ")");
        } catch (SQLException e) {
            return Optional.of("cannot connect to " + redacted(url) + " (set " + variable + "): " + e.getMessage());
        }
    }

    /** The first reason found, or empty when every check passed. */
    @SafeVarargs
    public static Optional<String> firstOf(Supplier<Optional<String>>... checks) {
        for (Supplier<Optional<String>> check : checks) {
            Optional<String> reason = check.get();
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
