package io.heavenbase.backend.elasticsearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server that refuses connections: the error names the backend, the host and the property that sets it. */
class UnreachableServerTest {

    @Test
    void connectionRefused_namesBackendHostAndProperty() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Backend backend = new ElasticsearchProvider().open(new BackendConfig("search",
                Map.of("type", "elasticsearch", "hosts", "127.0.0.1:" + port)));
        try {
            assertThatThrownBy(backend::ping)
                    .isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("backend 'search' failed during ")
                    .hasMessageContaining("cannot reach http://127.0.0.1:" + port
                            + " (heavenbase.backends.search.hosts): ConnectException");
        } finally {
            backend.close();
        }
    }
}
