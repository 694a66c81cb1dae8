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
import io.heavenbase.testsupport.NpmTestServers;
import io.heavenbase.testsupport.TestServices;

/**
 * The Chroma server the chroma backend tests talk to: {@code HEAVENBASE_TEST_CHROMA_URL} when set, otherwise one
 * the tests start themselves ({@link NpmTestServers#chromaUrl()}: Chroma 1.0.0 from the pinned npm packages, on a
 * free port, once per test JVM). When it cannot be reached or started, tests are skipped with the reason (in the
 * surefire report), except under {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}, where they fail.
 */
final class ChromaTestServer {

    static final String URL_VARIABLE = "HEAVENBASE_TEST_CHROMA_URL";

    private static String url;
    private static String failure;

    private ChromaTestServer() {
    }

    /** The server URL; skips (or, when services are required, fails) the calling test without one. */
    static synchronized String url() {
        if (url == null && failure == null) {
            String configured = System.getenv(URL_VARIABLE);
            if (configured == null || configured.isBlank()) {
                try {
                    url = NpmTestServers.chromaUrl();
                } catch (IllegalStateException e) {
                    failure = "cannot start a Chroma server for the chroma tests (or set " + URL_VARIABLE + "): "
                            + e.getMessage();
                }
            } else {
                String problem = heartbeat(configured.trim());
                if (problem == null) {
                    url = configured.trim();
                } else {
                    failure = "no Chroma server answers at " + configured.trim() + " (" + problem + "), the "
                            + URL_VARIABLE + " given; unset it to let the tests start one";
                }
            }
        }
        if (failure != null) {
            TestServices.unavailable(failure);
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
}
