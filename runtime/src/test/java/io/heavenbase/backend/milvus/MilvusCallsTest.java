package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import org.junit.jupiter.api.Test;

/** Client failures become BackendExceptions; an unreachable server is named with its address and property. */
class MilvusCallsTest {

    private final MilvusCalls calls = new MilvusCalls("vec", "secret-token",
            "http://127.0.0.1:19530 (heavenbase.backends.vec.uri)");

    @Test
    void deadlineExceeded_namesBackendServerAndProperty() {
        assertThatThrownBy(() -> calls.run("list collections", () -> {
            throw new IllegalStateException("DEADLINE_EXCEEDED: deadline exceeded after 9.99s");
        })).isInstanceOf(BackendException.class).hasMessage("backend 'vec' failed during list collections: cannot "
                + "reach the Milvus server at http://127.0.0.1:19530 (heavenbase.backends.vec.uri): "
                + "IllegalStateException: DEADLINE_EXCEEDED: deadline exceeded after 9.99s");
    }

    @Test
    void refusedConnectionInTheCauses_isUnreachableToo() {
        assertThatThrownBy(() -> calls.run("insert", () -> {
            throw new RuntimeException("io exception", new java.net.ConnectException("Connection refused"));
        })).isInstanceOf(BackendException.class)
                .hasMessageContaining("cannot reach the Milvus server at http://127.0.0.1:19530");
    }

    @Test
    void otherFailures_keepTheirReasonAndMaskTheToken() {
        assertThatThrownBy(() -> calls.run("insert", () -> {
            throw new IllegalArgumentException("field too long; token secret-token");
        })).isInstanceOf(BackendException.class)
                .hasMessage("backend 'vec' failed during insert: IllegalArgumentException: field too long; token ****");
    }
}
