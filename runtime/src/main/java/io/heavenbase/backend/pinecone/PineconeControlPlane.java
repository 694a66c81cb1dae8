package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import java.net.URI;
import java.util.Optional;

/**
 * Finds the index through Pinecone's control plane ({@code GET /indexes/{name}}) and, when cloud
 * and region are configured, creates a missing serverless index and waits until it is ready.
 */
record PineconeControlPlane(PineconeSettings settings, PineconeHttp http) {

    static final long READY_TIMEOUT_MS = 180_000;
    static final long READY_POLL_MS = 2_000;

    /** The index description, or empty when there is no index of that name. */
    Optional<JsonNode> describe() {
        return http.getIfFound(indexUrl(), "describe index " + settings.index());
    }

    /** The existing index, or a new serverless one of this dimension when creating is configured. */
    PineconeIndex resolve(int dimensionIfCreated) {
        Optional<JsonNode> found = describe();
        if (found.isEmpty()) {
            if (!settings.mayCreateIndex() || dimensionIfCreated < 1) {
                String property = "heavenbase.backends." + settings.backendName() + ".";
                throw new ConfigurationException(property + "index", "Pinecone index '" + settings.index() + "' ("
                        + property + "index) does not exist; create it, or set " + property + "cloud and " + property
                        + "region so that registering an entity with a vector creates it");
            }
            http.post(settings.apiUrl().resolve("/indexes"), createBody(dimensionIfCreated),
                    "create index " + settings.index());
            found = Optional.of(awaitReady());
        }
        return index(found.get());
    }

    /** The create request of a serverless dense index. */
    ObjectNode createBody(int dimension) {
        ObjectNode body = http.json().createObjectNode();
        body.put("name", settings.index());
        body.put("dimension", dimension);
        body.put("metric", PineconeIndex.pineconeName(settings.metric()));
        body.put("vector_type", "dense");
        ObjectNode serverless = body.putObject("spec").putObject("serverless");
        serverless.put("cloud", settings.cloud());
        serverless.put("region", settings.region());
        return body;
    }

    PineconeIndex index(JsonNode description) {
        String host = description.path("host").asText("");
        int dimension = description.path("dimension").asInt(0);
        String metric = description.path("metric").asText("");
        if (host.isEmpty() || dimension < 1 || metric.isEmpty()) {
            throw new BackendException(settings.backendName(), "describe index " + settings.index(),
                    "the index description lacks host, dimension or metric", null);
        }
        try {
            return new PineconeIndex(URI.create(host.contains("://") ? host : "https://" + host), dimension,
                    PineconeIndex.metric(metric));
        } catch (IllegalArgumentException e) {
            throw new BackendException(settings.backendName(), "describe index " + settings.index(),
                    "unsupported index: " + e.getMessage(), e);
        }
    }

    private JsonNode awaitReady() {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (true) {
            Optional<JsonNode> description = describe();
            if (description.isPresent() && description.get().path("status").path("ready").asBoolean(false)) {
                return description.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BackendException(settings.backendName(), "create index " + settings.index(),
                        "the index was not ready after " + READY_TIMEOUT_MS / 1000 + " s", null);
            }
            try {
                Thread.sleep(READY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(settings.backendName(), "create index " + settings.index(), "interrupted",
                        e);
            }
        }
    }

    private URI indexUrl() {
        return settings.apiUrl().resolve("/indexes/" + settings.index());
    }
}
