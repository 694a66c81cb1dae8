package io.heavenbase.quarkus.deployment.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * An embedded PostgreSQL that a test starts late, on a port chosen (free) before the application
 * starts. Port and server live in system properties keyed by the test class, because a
 * QuarkusUnitTest class exists twice (JUnit's copy and the application's) and both must see them.
 */
public final class LatePostgres {

    private LatePostgres() {
    }

    /** The port of {@code owner}'s server: free when first asked for; {@link #start} takes it later. */
    public static int port(Class<?> owner) {
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

    /** Starts {@code owner}'s server on {@link #port}. */
    public static void start(Class<?> owner) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true)
                    .setPort(port(owner)).start();
            System.getProperties().put(owner.getName() + ".server", (Closeable) postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port(owner), e);
        }
    }

    /** Stops {@code owner}'s server, if it was started. */
    public static void stop(Class<?> owner) {
        Object server = System.getProperties().remove(owner.getName() + ".server");
        if (server != null) {
            try {
                ((Closeable) server).close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
            }
        }
    }
}
