package io.heavenbase.backend.elasticsearch;

import io.heavenbase.searchnode.SearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * The search server the elasticsearch backend tests run against: the server named by
 * {@code HEAVENBASE_TEST_ELASTICSEARCH_HOSTS} when set, otherwise one OpenSearch 2.19.1 node with
 * the k-NN plugin ({@link SearchNode}) started inside this test JVM on the first call and reused by every
 * test class, shut down when the JVM exits.
 *
 * <p>When the node cannot start, tests are skipped with the reason on stderr, except under
 * {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}, where they fail.
 */
final class SearchTestServer {

    static final String HOSTS_VARIABLE = "HEAVENBASE_TEST_ELASTICSEARCH_HOSTS";
    /** HTTP on the first free port of 29400-29499, transport on 29500-29599. */
    private static final int FIRST_HTTP_PORT = 29400;

    private static String hosts;
    private static String failure;

    private SearchTestServer() {
    }

    /**
     * The {@code hosts} value reaching the server; skips (or, when services are required, fails)
     * the calling test when there is none.
     */
    static synchronized String hosts() {
        if (hosts == null && failure == null) {
            String configured = System.getenv(HOSTS_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                hosts = configured.trim();
            } else {
                startNode();
            }
        }
        if (failure != null) {
            if (servicesRequired()) {
                throw new IllegalStateException(failure);
            }
            Assumptions.abort(failure);
        }
        return hosts;
    }

    private static void startNode() {
        if (!SearchNode.knnAvailable()) {
            failure = "the OpenSearch k-NN plugin is not on the test classpath (" + SearchNode.KNN_PLUGIN
                    + "); run the tests through Maven, which unpacks it into the build directory";
            System.err.println("SKIPPING elasticsearch backend tests: " + failure);
            return;
        }
        try {
            SearchNode node = SearchNode.start(buildDirectory(), "heavenbase-test", FIRST_HTTP_PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node), "opensearch-test-node-stop"));
            hosts = node.hosts();
        } catch (IOException | RuntimeException | LinkageError e) {
            failure = "could not start the OpenSearch test node: " + e;
            System.err.println("SKIPPING elasticsearch backend tests: " + failure);
            e.printStackTrace();
        }
    }

    private static void stop(SearchNode node) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the OpenSearch test node cleanly: " + e);
        }
    }

    private static boolean servicesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }

    /** The Maven build directory (parent of test-classes), so node data stays under it. */
    private static Path buildDirectory() {
        try {
            Path classes = Paths.get(SearchTestServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
