package io.heavenbase.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded OpenSearch Dev Service starts on fresh ports when a port it picked was taken before the node bound
 * it, and names the root cause when it cannot start at all.
 */
class EmbeddedOpenSearchServerTest {

    private ServerSocket taken;

    @BeforeEach
    void takeAPort() throws IOException {
        taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void releaseThePort() throws IOException {
        taken.close();
    }

    @Test
    void startsOnFreshPortsWhenThePickedHttpPortIsTaken() throws Exception {
        AtomicInteger picks = new AtomicInteger();
        IntSupplier firstPickTaken = () -> picks.getAndIncrement() == 0 ? taken.getLocalPort() : freePort();

        try (EmbeddedOpenSearchServer server = new EmbeddedOpenSearchServer(firstPickTaken)) {
            server.start();

            assertThat(picks.get()).as("ports picked: two attempts of two ports each").isEqualTo(4);
            String hosts = server.connection().get("hosts");
            assertThat(hosts).isNotEqualTo("127.0.0.1:" + taken.getLocalPort());
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + hosts + "/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"cluster_name\":\"heavenbase-dev\"");
        }
    }

    @Test
    void namesTheRootCauseWhenEveryAttemptFails() throws IOException {
        EmbeddedOpenSearchServer server = new EmbeddedOpenSearchServer(taken::getLocalPort);

        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("embedded OpenSearch did not start after 3 attempts: ")
                .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
