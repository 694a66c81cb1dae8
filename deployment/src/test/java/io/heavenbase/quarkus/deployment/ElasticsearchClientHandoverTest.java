package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpServer;

import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.spi.Backend;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * An {@code elasticsearch} backend without {@code hosts} talks through the application's {@code RestClient} of
 * {@code quarkus-elasticsearch-rest-client} (configured by {@code quarkus.elasticsearch.hosts}); one with
 * {@code hosts} builds its own client; neither closes the application's client. Two small HTTP servers answer as
 * OpenSearch and record what reaches them: only the application's client knows the port of the first.
 */
class ElasticsearchClientHandoverTest {

    private static final String APP_CLIENT_SERVER = "app-client";
    private static final String OWN_HOSTS_SERVER = "own-hosts";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-elasticsearch-rest-client"))
            // HeavenBase Dev Services already leave a backend alone when the client extension is present; off here
            // so a regression shows up as a failed assertion, not as an OpenSearch node started in this JVM.
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("quarkus.elasticsearch.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "inmem")
            .overrideConfigKey("heavenbase.backends.search.type", "elasticsearch")
            .overrideConfigKey("heavenbase.backends.direct.type", "elasticsearch")
            .overrideRuntimeConfigKey("quarkus.elasticsearch.hosts", "127.0.0.1:" + port(APP_CLIENT_SERVER))
            .overrideRuntimeConfigKey("heavenbase.backends.direct.hosts", "127.0.0.1:" + port(OWN_HOSTS_SERVER));


    @Inject
    @Identifier("search")
    Backend search;

    @Inject
    @Identifier("direct")
    Backend direct;

    /** Also removes the shared objects: code that reads every system property as a string fails on them. */
    @AfterAll
    static void stopServers() {
        for (String server : List.of(APP_CLIENT_SERVER, OWN_HOSTS_SERVER)) {
            System.getProperties().remove(key(server, "requests"));
            Object running = System.getProperties().remove(key(server, "server"));
            if (running instanceof HttpServer http) {
                http.stop(0);
            }
        }
    }

    @BeforeEach
    void forgetRequests() {
        requests(APP_CLIENT_SERVER).clear();
        requests(OWN_HOSTS_SERVER).clear();
    }

    @Test
    void backendWithoutHostsUsesTheApplicationsClient() {
        search.ping();

        assertThat(requests(APP_CLIENT_SERVER)).containsExactly("GET /");
        assertThat(requests(OWN_HOSTS_SERVER)).isEmpty();
    }

    @Test
    void backendWithHostsUsesItsOwnClient() {
        direct.ping();

        assertThat(requests(OWN_HOSTS_SERVER)).containsExactly("GET /");
        assertThat(requests(APP_CLIENT_SERVER)).isEmpty();
    }

    @Test
    void closingTheBackendLeavesTheApplicationsClientOpen() throws ReflectiveOperationException {
        search.close();

        Object applicationClient = applicationClient();
        assertThat(call(applicationClient, "isRunning")).isEqualTo(true);
        Object request = Class.forName("org.elasticsearch.client.Request").getConstructor(String.class, String.class)
                .newInstance("GET", "/");
        assertThat(call(call(call(applicationClient, "performRequest", request), "getStatusLine"), "getStatusCode"))
                .isEqualTo(200);
        assertThat(requests(APP_CLIENT_SERVER)).containsExactly("GET /");
    }

    /**
     * The application's {@code org.elasticsearch.client.RestClient} bean. The client is not on this module's class
     * path (the requirement tests need applications without it), so the test reaches it by reflection; this
     * application has it through quarkus-elasticsearch-rest-client.
     */
    private static Object applicationClient() throws ClassNotFoundException {
        Class<?> type = Class.forName("org.elasticsearch.client.RestClient", false,
                Thread.currentThread().getContextClassLoader());
        return io.quarkus.arc.Arc.container().instance(type).get();
    }

    private static Object call(Object target, String method, Object... arguments) throws ReflectiveOperationException {
        for (java.lang.reflect.Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                return candidate.invoke(target, arguments);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + method);
    }

    /**
     * The port of a recording server, started on first use. QuarkusUnitTest loads this class twice (JUnit's and
     * the application's class loader); server and request log live in the system properties as JDK types so both
     * copies share them.
     */
    private static int port(String server) {
        synchronized (System.getProperties()) {
            if (System.getProperties().get(key(server, "server")) == null) {
                List<String> requests = new CopyOnWriteArrayList<>();
                System.getProperties().put(key(server, "requests"), requests);
                System.getProperties().put(key(server, "server"), startOpenSearchLookAlike(requests));
            }
            return ((HttpServer) System.getProperties().get(key(server, "server"))).getAddress().getPort();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> requests(String server) {
        return (List<String>) System.getProperties().get(key(server, "requests"));
    }

    private static String key(String server, String what) {
        return ElasticsearchClientHandoverTest.class.getName() + "." + server + "." + what;
    }

    /** Answers every request like an OpenSearch 2.19 node's {@code GET /} and records method and path. */
    private static HttpServer startOpenSearchLookAlike(List<String> requests) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = "{\"name\":\"look-alike\",\"version\":{\"distribution\":\"opensearch\",\"number\":\"2.19.1\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            http.createContext("/", exchange -> {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException("look-alike OpenSearch server did not start", e);
        }
    }
}
