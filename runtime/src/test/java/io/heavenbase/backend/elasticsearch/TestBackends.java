package io.heavenbase.backend.elasticsearch;

import io.heavenbase.spi.BackendConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Backends on the test server, each with its own index-name prefix so test classes never share an
 * index; public so layouts in other packages can put elasticsearch next to their backends.
 */
public final class TestBackends {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestBackends() {
    }

    /** Configuration for the test server with a fresh prefix. */
    public static Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", ElasticsearchProvider.TYPE);
        config.put("hosts", SearchTestServer.hosts());
        config.put("prefix", uniquePrefix());
        return config;
    }

    /** A fresh prefix: unique within this JVM and across runs sharing one server. */
    static String uniquePrefix() {
        return "hbt" + Long.toString(ProcessHandle.current().pid(), 36) + "_" + SEQUENCE.incrementAndGet() + "_";
    }

    /**
     * Deletes every index whose name starts with the prefix of {@code config}: workspaces leave
     * their system entities behind, and each index left on the node slows down creating the next.
     */
    public static Runnable deleteIndexes(Map<String, Object> config) {
        String prefix = (String) config.get("prefix");
        return () -> {
            String host = ((String) config.get("hosts")).split(",")[0].trim();
            int colon = host.lastIndexOf(':');
            try (RestClient client = RestClient.builder(new HttpHost(host.substring(0, colon),
                    Integer.parseInt(host.substring(colon + 1)))).build()) {
                client.performRequest(new Request("DELETE", "/" + prefix + "*"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the test indexes " + prefix + "*", e);
            }
        };
    }

    /** A backend named {@code search} with a fresh prefix. */
    static ElasticsearchBackend open() {
        return open(config(), ElasticsearchBackend.PAGE_SIZE);
    }

    /** A backend named {@code search} reading at most {@code pageSize} hits per search request. */
    static ElasticsearchBackend open(Map<String, Object> config, int pageSize) {
        return ElasticsearchBackend.open(new BackendConfig("search", config), new ElasticsearchProvider().capabilities(),
                pageSize);
    }
}
