package io.heavenbase.searchnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;

/**
 * One OpenSearch 2.19.1 node started inside this JVM (codelibs {@code OpenSearchRunner}): HTTP on 127.0.0.1, no
 * security, the modules the elasticsearch backend needs (HTTP transport, painless, mapper extras, common analysis)
 * and the k-NN plugin when it is on the class path (it ships only as a zip, so a build adds its jars itself).
 *
 * <p>The node gets a range of {@value #PORTS_PER_RANGE} ports for HTTP and the next range for transport and binds
 * the first free port of each, so no other socket can take a port between its choice and the bind (the node loads
 * its modules in between); {@link #hosts()} names the HTTP port it bound.
 */
public final class SearchNode implements AutoCloseable {

    /** The k-NN plugin's class: present when its jars are on the class path. */
    public static final String KNN_PLUGIN = "org.opensearch.knn.plugin.KNNPlugin";
    /** How many ports each of the two ranges (HTTP, then transport) holds. */
    public static final int PORTS_PER_RANGE = 100;
    private static final String MODULES = String.join(",", "org.opensearch.transport.Netty4Plugin",
            PainlessWithKnnExtensionPlugin.class.getName(), "org.opensearch.index.mapper.MapperExtrasPlugin",
            "org.opensearch.analysis.common.CommonAnalysisPlugin");

    private final OpenSearchRunner runner;
    private final String hosts;

    private SearchNode(OpenSearchRunner runner, String hosts) {
        this.runner = runner;
        this.hosts = hosts;
    }

    /**
     * Starts a node whose data lives in a new directory under {@code parent} (removed by {@link #close()}) and
     * waits until the cluster is yellow.
     *
     * @param parent the directory to create the node's directory in
     * @param clusterName the cluster's name
     * @param firstHttpPort the first HTTP port tried; transport ports start {@value #PORTS_PER_RANGE} above it
     * @throws IOException when the node's directory cannot be created
     * @throws RuntimeException when the node does not start (it is stopped again first)
     */
    public static SearchNode start(Path parent, String clusterName, int firstHttpPort) throws IOException {
        // The node's INFO and WARN chatter would bury the caller's output.
        Configurator.setLevel("org.opensearch", Level.ERROR);
        // Other libraries in this JVM (Vert.x, gRPC, Arrow) may already have fixed Netty's processor count; the
        // node would then refuse to start with "availableProcessors is already set".
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        Files.createDirectories(parent);
        Path base = Files.createTempDirectory(parent, "opensearch-node-");
        OpenSearchRunner runner = new OpenSearchRunner();
        try {
            runner.onBuild((index, settings) -> configure(settings, firstHttpPort));
            OpenSearchRunner.Configs configs = OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                    .clusterName(clusterName).disableESLogger().moduleTypes(MODULES);
            if (knnAvailable()) {
                configs.pluginTypes(KNN_PLUGIN);
            }
            runner.build(configs);
            runner.ensureYellow();
            int port = runner.node().injector().getInstance(HttpServerTransport.class).boundAddress()
                    .publishAddress().getPort();
            return new SearchNode(runner, "127.0.0.1:" + port);
        } catch (RuntimeException | LinkageError e) {
            try {
                stop(runner);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Whether the k-NN plugin is on the class path (a node started now has {@code knn_vector} fields). */
    public static boolean knnAvailable() {
        try {
            Class.forName(KNN_PLUGIN, false, SearchNode.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The {@code host:port} of the node's HTTP endpoint, as the elasticsearch backend's {@code hosts} takes it. */
    public String hosts() {
        return hosts;
    }

    /** Stops the node and deletes its data. */
    @Override
    public void close() throws IOException {
        stop(runner);
    }

    private static void configure(Settings.Builder settings, int firstHttpPort) {
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", range(firstHttpPort));
        settings.put("transport.port", range(firstHttpPort + PORTS_PER_RANGE));
        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
    }

    private static String range(int first) {
        return first + "-" + (first + PORTS_PER_RANGE - 1);
    }

    private static void stop(OpenSearchRunner runner) throws IOException {
        try {
            runner.close();
        } finally {
            runner.clean();
        }
    }
}
