package io.heavenbase.backend.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.Assumptions;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;

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
        OpenSearchRunner runner = new OpenSearchRunner();
        try {
            Class.forName(KNN_PLUGIN);
            Path base = Files.createTempDirectory(buildDirectory(), "opensearch-node-");
            runner.onBuild((index, settings) -> configure(settings));
            runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                    .clusterName("heavenbase-test").disableESLogger().moduleTypes(MODULES).pluginTypes(KNN_PLUGIN));
            runner.ensureYellow();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runner), "opensearch-test-node-stop"));
            hosts = "127.0.0.1:" + runner.node().injector().getInstance(HttpServerTransport.class).boundAddress()
                    .publishAddress().getPort();
        } catch (ClassNotFoundException e) {
            failure = "the OpenSearch k-NN plugin is not on the test classpath (" + KNN_PLUGIN
                    + "); run the tests through Maven, which unpacks it into the build directory";
            System.err.println("SKIPPING elasticsearch backend tests: " + failure);
        } catch (IOException | RuntimeException | LinkageError e) {
            failure = "could not start the OpenSearch test node: " + e;
            System.err.println("SKIPPING elasticsearch backend tests: " + failure);
            e.printStackTrace();
            stop(runner);
        }
    }

    /**
     * Port ranges, not ports picked free beforehand: the node binds the first free port of each range, so no other
     * socket can take a port between its choice and the bind (the node loads its modules in between).
     */
    private static void configure(Settings.Builder settings) {
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", "29400-29499");
        settings.put("transport.port", "29500-29599");
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
