package io.heavenbase.backend.chroma;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The Chroma server the chroma backend tests talk to: {@code HEAVENBASE_TEST_CHROMA_URL}, by default
 * {@value #DEFAULT_URL} (the server {@code .ci/npm-servers.sh start} runs). When it does not answer
 * its heartbeat, tests are skipped with the reason on stderr, except under {@code CI=true} or
 * {@code HEAVENBASE_REQUIRE_SERVICES=true}, where they fail.
 */
final class ChromaTestServer {

    static final String URL_VARIABLE = "HEAVENBASE_TEST_CHROMA_URL";
    static final String DEFAULT_URL = "http://127.0.0.1:58123";

    private static String url;
    private static String failure;

    private ChromaTestServer() {
    }

    /** The server URL; skips (or, when services are required, fails) the calling test without one. */
    static synchronized String url() {
        if (url == null && failure == null) {
            String configured = System.getenv(URL_VARIABLE);
            String candidate = configured == null || configured.isBlank() ? DEFAULT_URL : configured.trim();
            String problem = heartbeat(candidate);
            if (problem == null) {
                url = candidate;
            } else {
                failure = "no Chroma server answers at " + candidate + " (" + problem + "); start one with "
                        + "'bash .ci/npm-servers.sh start' or set " + URL_VARIABLE;
                System.err.println("SKIPPING chroma backend tests: " + failure);
            }
        }
        if (failure != null) {
            if (servicesRequired()) {
                throw new IllegalStateException(failure);
            }
            Assumptions.abort(failure);
        }
        return url;
    }

    /** A backend configuration for the test server with a fresh random prefix, plus {@code extra} keys. */
    static Map<String, Object> config(Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", ChromaProvider.TYPE);
        config.put("url", url());
        config.put("prefix", freshPrefix());
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    /** A prefix no other test uses, so tests never see each other's collections. */
    static String freshPrefix() {
        return "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
    }

    private static String heartbeat(String candidate) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(candidate.replaceAll("/+$", "") + "/api/v2/heartbeat"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : "heartbeat answered HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean servicesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }
}
