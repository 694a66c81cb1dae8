package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.BackendException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTP to one Chroma server's {@code /api/v2}: sends the token (when configured) as
 * {@code Authorization: Bearer} and {@code X-Chroma-Token}, and turns transport errors and error
 * statuses into {@link BackendException}s that name the backend, the operation and Chroma's own
 * message, never the token.
 */
final class ChromaHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final String backendName;
    private final URI apiBase;
    private final String urlProperty;
    private final String token;
    private final ObjectMapper json;
    private final HttpClient client;

    /** A status and the parsed body (a null node when the body is empty). */
    record Response(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean notFound() {
            return status == 404;
        }
    }

    /** {@code urlProperty}: the property that sets {@code serverUrl}, named when the server cannot be reached. */
    ChromaHttp(String backendName, URI serverUrl, String urlProperty, String token, ObjectMapper json) {
        this.backendName = backendName;
        this.urlProperty = urlProperty;
        String base = serverUrl.toString().replaceAll("/+$", "");
        this.apiBase = URI.create(base + "/api/v2");
        this.token = token;
        this.json = json;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    String backendName() {
        return backendName;
    }

    /** Sends a request and returns any answer; only transport failures throw. */
    Response send(String method, String path, JsonNode body, String operation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token).header("X-Chroma-Token", token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(write(body, operation)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), read(response.body(), response.statusCode(), operation));
        } catch (IOException e) {
            String server = apiBase.getScheme() + "://" + apiBase.getHost() + ":" + apiBase.getPort();
            throw new BackendException(backendName, operation,
                    "cannot reach Chroma at " + server + " (" + urlProperty + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(backendName, operation, "interrupted while waiting for Chroma", e);
        }
    }

    /** Sends a request and returns the body of a 2xx answer; any other status throws. */
    JsonNode call(String method, String path, JsonNode body, String operation) {
        Response response = send(method, path, body, operation);
        if (!response.ok()) {
            throw failure(response, operation);
        }
        return response.body();
    }

    /** The exception for an error answer, carrying Chroma's error type and message. */
    BackendException failure(Response response, String operation) {
        JsonNode body = response.body();
        String detail = body == null || body.isNull() ? "" : body.isTextual() ? body.asText() : body.toString();
        if (body != null && body.has("message")) {
            detail = body.path("error").asText("error") + ": " + body.get("message").asText();
        }
        return new BackendException(backendName, operation, "Chroma answered HTTP " + response.status()
                + (detail.isEmpty() ? "" : " " + detail), null);
    }

    private byte[] write(JsonNode body, String operation) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new BackendException(backendName, operation, e);
        }
    }

    private JsonNode read(byte[] body, int status, String operation) {
        if (body.length == 0) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            if (status >= 400) {
                return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
            }
            throw new BackendException(backendName, operation, "Chroma sent a body that is not JSON", e);
        }
    }
}
