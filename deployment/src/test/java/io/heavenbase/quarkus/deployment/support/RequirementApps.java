package io.heavenbase.quarkus.deployment.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.heavenbase.ConfigurationException;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The set-up and checks the requirement tests share (package {@code requirements}: one backend type × nothing added
 * / plain driver / Quarkus extension each). A test application that starts must hold this class
 * ({@code jar.addClass(RequirementApps.class)}).
 */
public final class RequirementApps {

    private RequirementApps() {
    }

    /**
     * An application with one backend {@code main} of this type and nothing else added, whose build must fail with
     * a {@link ConfigurationException} carrying exactly this message. No Dev Service starts: the check runs first.
     */
    public static QuarkusUnitTest buildFails(String type, String message) {
        return new QuarkusUnitTest()
                .overrideConfigKey("heavenbase.backends.main.type", type)
                .assertException(failure -> {
                    BuildFailures.causedBy(ConfigurationException.class, message).accept(failure);
                    Throwable cause = failure;
                    while (!cause.getClass().getName().equals(ConfigurationException.class.getName())) {
                        cause = cause.getCause();
                    }
                    assertThat(cause.getMessage()).isEqualTo(message);
                });
    }

    /**
     * A loopback port nothing listens on, the same for every copy of {@code owner} (QuarkusUnitTest loads a test
     * class twice): free when first asked for, kept in a system property.
     */
    public static int closedPort(Class<?> owner) {
        String key = owner.getName() + ".port";
        synchronized (System.getProperties()) {
            if (System.getProperty(key) == null) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    System.setProperty(key, String.valueOf(socket.getLocalPort()));
                } catch (IOException e) {
                    throw new UncheckedIOException("no free port", e);
                }
            }
            return Integer.getInteger(key);
        }
    }

    /** The status of one backend, as the readiness check and the Dev UI read it. */
    public static BackendStatuses.Status status(String backend) {
        ExecutorService pings = Executors.newCachedThreadPool();
        try {
            return new BackendStatuses(pings).check().stream().filter(status -> status.name().equals(backend))
                    .findFirst().orElseThrow(() -> new AssertionError("no status for backend '" + backend + "'"));
        } finally {
            pings.shutdownNow();
        }
    }

    /** Writes a row through the workspace and reads it back; returns the label read. */
    public static Object writeAndRead(Workspace workspace, String entity) {
        EntitySchema note = workspace.register(EntitySchema.builder(entity).field("label", "ShortText").build());
        workspace.upsert(note, Map.of("object_id", "n1", "label", "hello"));
        return workspace.get(note, "n1").orElseThrow().get("label");
    }
}
