package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.BackendException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.quarkus.test.QuarkusUnitTest;

/** With {@code heavenbase.fail-fast=true}, a postgres backend nobody answers for stops startup, naming it. */
class FailFastUnreachableBackendTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .setForcedDependencies(List.of(Drivers.postgres()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url",
                    "jdbc:postgresql://localhost:" + freePort() + "/postgres")
            .overrideRuntimeConfigKey("heavenbase.fail-fast", "true")
            .assertException(BuildFailures.causedBy(BackendException.class, "backend 'main'"));

    @Test
    void startupFails() {
        fail("startup must fail");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
