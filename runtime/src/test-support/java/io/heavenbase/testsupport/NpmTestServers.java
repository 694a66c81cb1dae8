package io.heavenbase.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The npm-served test servers, started on demand once per test JVM from the pinned packages in
 * {@code runtime/src/test-support/npm/servers} (installed by {@link NpmPackages}): Chroma 1.0.0 and PGlite
 * (PostgreSQL 17 + pgvector, at most {@value #PGLITE_MAX_CONNECTIONS} connections). Each listens on a free port of
 * 127.0.0.1. A server that cannot start throws an {@link IllegalStateException} with the reason, every time it is
 * asked for.
 */
public final class NpmTestServers {

    /** Connections PGlite accepts at once; the pgvector tests keep their pools below it. */
    public static final int PGLITE_MAX_CONNECTIONS = 4;

    private static final String PACKAGE_SET = "runtime/src/test-support/npm/servers";
    private static final String CHROMA_MAIN = "node_modules/chromadb/dist/cli.mjs";
    private static final String PGLITE_MAIN = "node_modules/@electric-sql/pglite-socket/dist/scripts/server.js";

    private static final Started CHROMA = new Started(NpmTestServers::startChroma);
    private static final Started PGLITE = new Started(NpmTestServers::startPglite);

    private NpmTestServers() {
    }

    /** The base URL of a Chroma server started for this JVM. */
    public static String chromaUrl() {
        return CHROMA.url();
    }

    /** The JDBC URL of a PGlite server (pgvector included) started for this JVM. */
    public static String pgliteUrl() {
        return PGLITE.url();
    }

    private static String startChroma() {
        Path install = NpmPackages.install(packageSet());
        int port = NpmServer.freePort();
        String url = "http://127.0.0.1:" + port;
        Path data = scratchDirectory("heavenbase-chroma-");
        NpmServer.start("chroma", install, List.of(install.resolve(CHROMA_MAIN).toString(), "run", "--path",
                data.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)),
                () -> heartbeat(url), data);
        return url;
    }

    private static String startPglite() {
        Path install = NpmPackages.install(packageSet());
        int port = NpmServer.freePort();
        NpmServer.start("pglite", install, List.of(install.resolve(PGLITE_MAIN).toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-e", "vector", "-m", Integer.toString(PGLITE_MAX_CONNECTIONS)),
                () -> NpmServer.accepts(port), null);
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&sslmode=disable&prepareThreshold=0";
    }

    private static boolean heartbeat(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v2/heartbeat"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The pinned package set, found from the working directory of any module of this repository. */
    private static Path packageSet() {
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(PACKAGE_SET).resolve("package-lock.json"))) {
                return dir.resolve(PACKAGE_SET);
            }
        }
        throw new IllegalStateException("no " + PACKAGE_SET + "/package-lock.json above " + start);
    }

    private static Path scratchDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory: " + e, e);
        }
    }

    /** One server: started on first use, its URL or its failure remembered for the JVM's lifetime. */
    private static final class Started {

        private final Supplier<String> starter;
        private String url;
        private IllegalStateException failure;

        Started(Supplier<String> starter) {
            this.starter = starter;
        }

        synchronized String url() {
            if (url == null && failure == null) {
                try {
                    url = starter.get();
                } catch (IllegalStateException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return url;
        }
    }
}
