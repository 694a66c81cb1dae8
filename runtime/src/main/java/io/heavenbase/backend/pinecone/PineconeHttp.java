package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.BackendException;
import io.heavenbase.schema.Names;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP to Pinecone's REST API with {@code java.net.http}: sets the API key and API
 * version headers, retries briefly on 429 and 5xx, and turns every other failure into a
 * {@link BackendException} naming the backend and the operation. The API key is only ever put in
 * the {@code Api-Key} header and is masked out of every message.
 */
record PineconeHttp(String backend, String apiKey, ObjectMapper json, HttpClient client) {

    /** The REST API version this client speaks. */
    static final String API_VERSION = "2025-04";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final int ATTEMPTS = 3;
    private static final String MASK = "****";

    PineconeHttp(String backend, String apiKey, ObjectMapper json) {
        this(backend, apiKey, json, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    }

    /** Leaves the API key out, like every message of this class. */
    @Override
    public String toString() {
        return "PineconeHttp[backend=" + backend + "]";
    }

    JsonNode get(URI uri, String operation) {
        return send(request(uri).GET().build(), operation, false).orElseThrow();
    }

    /** The answer of a GET, or empty when Pinecone answers 404. */
    Optional<JsonNode> getIfFound(URI uri, String operation) {
        return send(request(uri).GET().build(), operation, true);
    }

    JsonNode post(URI uri, JsonNode body, String operation) {
        return send(request(uri).POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build(), operation, false).orElseThrow();
    }

    /** The answer of a POST, or empty when Pinecone answers 404. */
    Optional<JsonNode> postIfFound(URI uri, JsonNode body, String operation) {
        return send(request(uri).POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build(), operation, true);
    }

    String redact(String text) {
        return text == null || apiKey.isEmpty() ? text : text.replace(apiKey, MASK);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("X-Pinecone-API-Version", API_VERSION);
        if (!apiKey.isEmpty()) {
            builder.header("Api-Key", apiKey);
        }
        return builder;
    }

    private Optional<JsonNode> send(HttpRequest request, String operation, boolean notFoundIsEmpty) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BackendException(backend, operation, "cannot reach " + request.uri().getScheme() + "://"
                        + request.uri().getHost() + ": " + redact(String.valueOf(e.getMessage())), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(backend, operation, "interrupted", e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Optional.of(parse(response.body(), operation));
            }
            if (status == 404 && notFoundIsEmpty) {
                return Optional.empty();
            }
            if ((status == 429 || status / 100 == 5) && attempt < ATTEMPTS) {
                pause(attempt, operation);
                continue;
            }
            throw new BackendException(backend, operation, "Pinecone answered HTTP " + status + ": "
                    + Names.shorten(redact(response.body())), null);
        }
    }

    private JsonNode parse(String body, String operation) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BackendException(backend, operation, "Pinecone answered invalid JSON: "
                    + Names.shorten(redact(body)), null);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private void pause(int attempt, String operation) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(backend, operation, "interrupted", e);
        }
    }
}
