package io.heavenbase.bench.data;

import io.heavenbase.searchnode.SearchNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The OpenSearch node of the search rows when {@value Services#ELASTICSEARCH_VARIABLE} is unset: one
 * {@link SearchNode} started in this JVM on first use (the harness's JVM, not a measured JMH fork: forks reach it
 * through the {@value Services#ELASTICSEARCH_PROPERTY} system property the harness passes on), stopped when the JVM
 * exits.
 */
final class LocalSearchNode {

    /** Above the ports the runtime's test node (29400) and Quarkus dev services (29200) try first. */
    private static final int FIRST_HTTP_PORT = 29600;

    private static String failure;

    private LocalSearchNode() {
    }

    /** Starts the node unless a server is configured or one was started already; why there is none, else empty. */
    static synchronized Optional<String> ensureStarted() {
        if (Services.configuredSearchHosts() != null || failure != null) {
            return Optional.ofNullable(failure);
        }
        try {
            SearchNode node = SearchNode.start(Path.of(System.getProperty("java.io.tmpdir")), "heavenbase-bench",
                    FIRST_HTTP_PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node), "opensearch-bench-node-stop"));
            System.setProperty(Services.ELASTICSEARCH_PROPERTY, node.hosts());
            System.out.println("Started an OpenSearch node at " + node.hosts() + " for the search rows");
            return Optional.empty();
        } catch (IOException | RuntimeException | LinkageError e) {
            failure = "could not start an OpenSearch node (set " + Services.ELASTICSEARCH_VARIABLE + "): " + e;
            e.printStackTrace();
            return Optional.of(failure);
        }
    }

    private static void stop(SearchNode node) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the benchmarks' OpenSearch node cleanly: " + e);
        }
    }
}
