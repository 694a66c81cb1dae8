package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * JSON over the low-level REST client for one backend. Every failure becomes a
 * {@link BackendException} naming the backend, the operation and the server's error type and
 * reason (never credentials); a missing index is reported as {@code null} where the caller allows it.
 *
 * @param target where the client connects and the property that says so, for connection errors
 */
record SearchClient(String backend, RestClient client, boolean owned, String target) implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";

    /** A request with a JSON body (or none) whose response must succeed. */
    JsonNode send(String method, String path, JsonNode body, String operation) {
        return sendUnless(method, path, body, operation, null);
    }

    /** Like {@link #send} but answers {@code null} when the server says the index does not exist. */
    JsonNode sendUnlessIndexMissing(String method, String path, JsonNode body, String operation) {
        return sendUnless(method, path, body, operation, INDEX_NOT_FOUND);
    }

    /**
     * Like {@link #send} but answers {@code null} when the server fails with this error type
     * (e.g. {@code resource_already_exists_exception}); null accepts no error.
     */
    JsonNode sendUnless(String method, String path, JsonNode body, String operation, String errorType) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(bytes(body, operation), ContentType.APPLICATION_JSON));
        }
        return perform(request, operation, errorType);
    }

    /** A {@code _bulk} request: newline-delimited JSON. */
    JsonNode sendNdjson(String path, String body, String operation) {
        Request request = new Request("POST", path);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), NDJSON));
        return perform(request, operation, null);
    }

    /** Whether the index exists ({@code HEAD /index}). */
    boolean indexExists(String index, String operation) {
        try {
            Response response = client.performRequest(new Request("HEAD", "/" + index));
            return response.getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            throw failure(operation, e);
        } catch (IOException e) {
            throw unreachable(operation, e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** One line of a {@code _bulk} body. */
    String line(JsonNode node, String operation) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new BackendException(backend, operation, e);
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            client.close();
        } catch (IOException e) {
            throw new BackendException(backend, "close", e);
        }
    }

    private JsonNode perform(Request request, String operation, String tolerated) {
        try {
            return parse(client.performRequest(request).getEntity());
        } catch (ResponseException e) {
            if (tolerated != null && tolerated.equals(errorOf(e).path("type").asText())) {
                return null;
            }
            throw failure(operation, e);
        } catch (IOException e) {
            throw unreachable(operation, e);
        }
    }

    /** An I/O failure: the server could not be reached, or the connection broke; names the hosts and property. */
    private BackendException unreachable(String operation, IOException e) {
        return new BackendException(backend, operation, "cannot reach " + target + ": "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    private BackendException failure(String operation, ResponseException e) {
        JsonNode error = errorOf(e);
        String message = "HTTP " + e.getResponse().getStatusLine().getStatusCode();
        if (error.has("type")) {
            message += " " + error.path("type").asText() + ": " + error.path("reason").asText();
            JsonNode cause = error.path("caused_by");
            if (cause.has("reason")) {
                message += " (caused by " + cause.path("type").asText() + ": " + cause.path("reason").asText() + ")";
            }
        }
        return new BackendException(backend, operation, message, e);
    }

    /** The {@code error} object of a failed response, or an empty node when the body has none. */
    private static JsonNode errorOf(ResponseException e) {
        HttpEntity entity = e.getResponse().getEntity();
        if (entity == null) {
            return JSON.createObjectNode();
        }
        try (InputStream in = entity.getContent()) {
            JsonNode body = JSON.readTree(in);
            JsonNode error = body == null ? null : body.path("error");
            return error != null && error.isObject() ? error : JSON.createObjectNode();
        } catch (IOException | RuntimeException unreadable) {
            return JSON.createObjectNode();
        }
    }

    private static JsonNode parse(HttpEntity entity) throws IOException {
        if (entity == null) {
            return JSON.createObjectNode();
        }
        try (InputStream in = entity.getContent()) {
            JsonNode node = JSON.readTree(in);
            return node == null ? JSON.createObjectNode() : node;
        }
    }

    private byte[] bytes(JsonNode body, String operation) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new BackendException(backend, operation, e);
        }
    }
}
