package io.heavenbase.backend.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.Assumptions;
import org.opensearch.common.settings.Settings;

/**
 * The search server the elasticsearch backend tests run against: the server named by
 * {@code HEAVENBASE_TEST_ELASTICSEARCH_HOSTS} when set, otherwise one OpenSearch 2.19.1 node with
 * the k-NN plugin started inside this test JVM on the first call and reused by every test class,
 * shut down when the JVM exits.
 *
 * <p>When the node cannot start, tests are skipped with the reason on stderr, except under
 * {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}, where they fail.
 */
final class SearchTestServer {

    static final String HOSTS_VARIABLE = "HEAVENBASE_TEST_ELASTICSEARCH_HOSTS";
    private static final String KNN_PLUGIN = "org.opensearch.knn.plugin.KNNPlugin";
    private static final int START_ATTEMPTS = 3;
    /** The modules the backend needs: HTTP transport, painless (with the k-NN extension), mapper extras. */
    private static final String MODULES = String.join(",", "org.opensearch.transport.Netty4Plugin",
            PainlessWithKnnExtensionPlugin.class.getName(), "org.opensearch.index.mapper.MapperExtrasPlugin",
            "org.opensearch.analysis.common.CommonAnalysisPlugin");

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
        // The node's INFO and WARN chatter would bury the test output.
        Configurator.setLevel("org.opensearch", Level.ERROR);
        // Other libraries in this JVM (Vert.x, gRPC, Arrow) may already have fixed Netty's processor
        // count; the node would then refuse to start with "availableProcessors is already set".
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        try {
            Class.forName(KNN_PLUGIN);
        } catch (ClassNotFoundException e) {
            failure = "the OpenSearch k-NN plugin is not on the test classpath (" + KNN_PLUGIN
                    + "); run the tests through Maven, which unpacks it into the build directory";
            System.err.println("SKIPPING elasticsearch backend tests: " + failure);
            return;
        }
        for (int attempt = 1; attempt <= START_ATTEMPTS && hosts == null; attempt++) {
            OpenSearchRunner runner = new OpenSearchRunner();
            try {
                Path base = Files.createTempDirectory(buildDirectory(), "opensearch-node-");
                int httpPort = freePort();
                int transportPort = freePort();
                runner.onBuild((index, settings) -> configure(settings, httpPort, transportPort));
                runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                        .clusterName("heavenbase-test").disableESLogger().moduleTypes(MODULES).pluginTypes(KNN_PLUGIN));
                runner.ensureYellow();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runner), "opensearch-test-node-stop"));
                hosts = "127.0.0.1:" + httpPort;
                failure = null;
            } catch (IOException | RuntimeException | LinkageError e) {
                // A port picked as free can be taken before the node binds it, seconds later: retry on fresh ports.
                failure = "could not start the OpenSearch test node (attempt " + attempt + " of " + START_ATTEMPTS
                        + "): " + e;
                System.err.println(failure);
                e.printStackTrace();
                stop(runner);
            }
        }
        if (failure != null) {
            System.err.println("SKIPPING elasticsearch backend tests: " + failure);
        }
    }

    private static void configure(Settings.Builder settings, int httpPort, int transportPort) {
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", httpPort);
        settings.put("transport.port", transportPort);
        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
    }

    private static void stop(OpenSearchRunner runner) {
        try {
            runner.close();
            runner.clean();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the OpenSearch test node cleanly: " + e);
        }
    }

    private static boolean servicesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
