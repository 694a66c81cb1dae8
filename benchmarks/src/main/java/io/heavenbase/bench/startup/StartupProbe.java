package io.heavenbase.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Quarkus fast-jar with its output going to a log file, times it from process start until
 * the log holds "started in" (polled every few milliseconds, the same for both apps), reads its
 * resident set size from {@code /proc/<pid>/status}, then stops it.
 */
final class StartupProbe {

    /** One start: wall-clock milliseconds to "started in" and RSS in MiB right after. */
    record Start(double millis, double rssMib) {
    }

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final long POLL_MILLIS = 5;
    private static final long SETTLE_MILLIS = 300;

    private final Path workingDirectory;
    private int starts;

    StartupProbe(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    Start start(Path launcher) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(workingDirectory);
        Path log = workingDirectory.resolve("start-" + (++starts) + ".log");
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(java, "-jar", launcher.toAbsolutePath().toString())
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long startedAt = awaitStarted(process, log, begin);
            Thread.sleep(SETTLE_MILLIS);
            return new Start((startedAt - begin) / 1e6, rssMib(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Polls the log until the startup line appears; returns the nanoTime it was seen. */
    private static long awaitStarted(Process process, Path log, long begin) throws IOException, InterruptedException {
        while (System.nanoTime() - begin < START_TIMEOUT_NANOS) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("started in")) {
                return System.nanoTime();
            }
            if (!process.isAlive()) {
                throw new IOException("the app exited with " + process.exitValue() + " before logging 'started in' (log: "
                        + log + ")");
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IOException("the app did not log 'started in' within 120 s (log: " + log + ")");
    }

    private static double rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
