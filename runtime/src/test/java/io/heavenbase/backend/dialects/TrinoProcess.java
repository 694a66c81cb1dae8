package io.heavenbase.backend.dialects;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Trino server process for tests: a single node (coordinator that also schedules work on itself)
 * on a free loopback port, small memory, few threads, and one catalog {@code iceberg} on local files
 * under its run directory; {@code plugin.dir} holds only the Iceberg plugin (loading all plugins
 * costs about a minute). The settings favour many tiny queries over throughput.
 */
final class TrinoProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;

    private TrinoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** Writes {@code etc/}, starts the server and waits until {@code /v1/info} says it is no longer starting. */
    static TrinoProcess start(Path java, TrinoDistribution distribution, Path runDirectory)
            throws IOException, InterruptedException {
        int port = freePort();
        Path etc = runDirectory.resolve("etc");
        Path plugins = runDirectory.resolve("plugin");
        Files.createDirectories(etc.resolve("catalog"));
        Files.createDirectories(plugins);
        Files.createSymbolicLink(plugins.resolve("iceberg"), distribution.icebergPlugin());
        Map<String, String> node = nodeProperties(runDirectory);
        write(etc.resolve("node.properties"), node);
        write(etc.resolve("config.properties"), config(port, plugins, etc.resolve("catalog")));
        write(etc.resolve("catalog").resolve("iceberg.properties"), iceberg(runDirectory.resolve("warehouse")));
        List<String> jvm = jvmOptions();
        Files.write(etc.resolve("jvm.config"), jvm);

        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvm);
        node.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dconfig=" + etc.resolve("config.properties"));
        command.add("-cp");
        command.add(distribution.lib() + "/*");
        command.add("io.trino.server.TrinoServer");
        Path log = runDirectory.resolve("server.log");
        Process process = new ProcessBuilder(command).directory(runDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        TrinoProcess server = new TrinoProcess(process, port);
        try {
            server.awaitStarted(log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s). */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStarted(Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest info = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/info"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Trino exited with " + process.exitValue() + " during start; " + tail(log));
            }
            try {
                String body = client.send(info, HttpResponse.BodyHandlers.ofString()).body();
                if (body.replace(" ", "").contains("\"starting\":false")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the HTTP server comes up some seconds after the JVM
            }
            Thread.sleep(250);
        }
        throw new IOException("Trino did not finish starting within " + START_TIMEOUT.toSeconds() + " s; " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return "log " + log + " ends: " + text.substring(Math.max(0, text.length() - 3000));
    }

    private static Map<String, String> nodeProperties(Path runDirectory) {
        return Map.of("node.environment", "heavenbase_test", "node.id", "heavenbase-test", "node.data-dir",
                runDirectory.resolve("data").toString(), "node.internal-address", "127.0.0.1");
    }

    private static Map<String, String> config(int port, Path plugins, Path catalogs) {
        return Map.ofEntries(Map.entry("coordinator", "true"),
                Map.entry("node-scheduler.include-coordinator", "true"),
                Map.entry("http-server.http.port", Integer.toString(port)),
                Map.entry("discovery.uri", "http://127.0.0.1:" + port),
                Map.entry("plugin.dir", plugins.toString()),
                Map.entry("catalog.config-dir", catalogs.toString()),
                Map.entry("http-server.log.enabled", "false"),
                Map.entry("query.max-memory", "512MB"),
                Map.entry("query.execution-policy", "all-at-once"),
                Map.entry("query.max-memory-per-node", "256MB"),
                // A finished query's info is kept 15 minutes by default: over a run of thousands of small
                // queries the coordinator's 1 GB heap fills with them and every query slows down.
                Map.entry("query.min-expire-age", "10s"),
                Map.entry("query.max-history", "20"),
                // Tiny tables: one driver and one writer per task, few threads, fast task-info updates.
                Map.entry("task.concurrency", "1"),
                Map.entry("task.min-writer-count", "1"),
                Map.entry("task.max-writer-count", "1"),
                Map.entry("task.max-worker-threads", "4"),
                Map.entry("task.info-update-interval", "50ms"),
                Map.entry("task.status-refresh-max-wait", "200ms"));
    }

    private static Map<String, String> iceberg(Path warehouse) throws IOException {
        Files.createDirectories(warehouse);
        // No statistics: every write would also compute column sketches and commit a statistics file,
        // and the planner would read them back, for tables of a few rows.
        return Map.of("connector.name", "iceberg",
                "iceberg.catalog.type", "TESTING_FILE_METASTORE",
                "hive.metastore.catalog.dir", "local:///",
                "fs.native-local.enabled", "true",
                "local.location", warehouse.toString(),
                "iceberg.extended-statistics.enabled", "false",
                "iceberg.table-statistics-enabled", "false");
    }

    private static List<String> jvmOptions() {
        // C1 only and the serial collector: a third less CPU for many tiny queries on a small machine (measured).
        return List.of("-Xmx1G", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading");
    }

    private static void write(Path file, Map<String, String> properties) throws IOException {
        List<String> lines = new ArrayList<>();
        properties.forEach((key, value) -> lines.add(key + "=" + value));
        lines.sort(null);
        Files.write(file, lines);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
