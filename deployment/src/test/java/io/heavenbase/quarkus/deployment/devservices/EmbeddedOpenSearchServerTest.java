package io.heavenbase.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * The embedded OpenSearch Dev Service binds the first free port of its range (so a taken port is skipped, never
 * raced for), hands the backend the port it bound, and names the root cause when it cannot start.
 */
class EmbeddedOpenSearchServerTest {

    @Test
    void skipsATakenFirstPortAndReportsThePortItBound() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                EmbeddedOpenSearchServer server = new EmbeddedOpenSearchServer(taken.getLocalPort())) {
            server.start();

            String hosts = server.connection().get("hosts");
            int port = Integer.parseInt(hosts.substring(hosts.indexOf(':') + 1));
            assertThat(port).isGreaterThan(taken.getLocalPort())
                    .isLessThan(taken.getLocalPort() + EmbeddedOpenSearchServer.PORTS_PER_RANGE);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + hosts + "/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"cluster_name\":\"heavenbase-dev\"");
        }
    }

    /**
     * Checked on made-up exceptions: a node that fails inside its start is left half-started by the runner (it
     * never hands the node back), so a real failed start would leave threads behind in this shared test JVM.
     */
    @Test
    void theStartErrorNamesEveryCauseOutermostFirst() {
        Exception failure = new IllegalStateException("Failed to start node 1",
                new IllegalArgumentException("Failed to bind to 127.0.0.1:[29300-29399]", new BindException(
                        "Address already in use")));

        assertThat(EmbeddedOpenSearchServer.causeChain(failure)).isEqualTo(
                "IllegalStateException: Failed to start node 1 <- IllegalArgumentException: Failed to bind to "
                        + "127.0.0.1:[29300-29399] <- BindException: Address already in use");
    }
}
