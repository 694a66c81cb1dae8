package io.heavenbase.backend.dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The pieces of Trino {@value #VERSION} a test server needs, fetched through Maven from Maven Central
 * and unpacked once into a cache outside the source tree ({@code ~/.cache/heavenbase/trino-476}, or
 * {@code HEAVENBASE_TRINO_CACHE}): the server's libraries from {@code io.trino:trino-server-core}
 * (194 MB, against 821 MB for the full {@code trino-server} tarball) and the Iceberg plugin
 * ({@code io.trino:trino-iceberg} zip). A file lock keeps concurrent builds from unpacking twice.
 */
final class TrinoDistribution {

    static final String VERSION = "476";

    private final Path cache;
    private double downloadSeconds;
    private double unpackSeconds;

    private TrinoDistribution(Path cache) {
        this.cache = cache;
    }

    static TrinoDistribution cached() {
        String configured = System.getenv("HEAVENBASE_TRINO_CACHE");
        Path cache = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "heavenbase", "trino-" + VERSION);
        return new TrinoDistribution(cache);
    }

    /** The directory of the server's jars ({@code lib/*} is the class path). */
    Path lib() {
        return cache.resolve("server").resolve("lib");
    }

    /** The unpacked Iceberg plugin, the only plugin the test server loads. */
    Path icebergPlugin() {
        return cache.resolve("server").resolve("plugin").resolve("iceberg");
    }

    double downloadSeconds() {
        return downloadSeconds;
    }

    double unpackSeconds() {
        return unpackSeconds;
    }

    /** Downloads and unpacks what is missing; a no-op when the cache is complete. */
    void ensure() throws IOException, InterruptedException {
        Files.createDirectories(cache);
        try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Path complete = cache.resolve("server").resolve(".complete");
            if (Files.exists(complete)) {
                return;
            }
            Path download = cache.resolve("download");
            Path core = download.resolve("trino-server-core-" + VERSION + ".tar.gz");
            Path iceberg = download.resolve("trino-iceberg-" + VERSION + ".zip");
            long started = System.nanoTime();
            if (!Files.exists(core) || !Files.exists(iceberg)) {
                fetch("io.trino:trino-server-core:" + VERSION + ":tar.gz", download);
                fetch("io.trino:trino-iceberg:" + VERSION + ":zip", download);
            }
            downloadSeconds = seconds(started);
            started = System.nanoTime();
            Path staging = cache.resolve("server.partial");
            deleteTree(staging);
            deleteTree(cache.resolve("server"));
            Files.createDirectories(staging.resolve("plugin"));
            run(List.of("tar", "-xzf", core.toString(), "-C", staging.toString(), "--strip-components=1", "--wildcards",
                    "*/lib/*"), staging, 600);
            unzip(iceberg, staging.resolve("plugin"));
            Files.move(staging.resolve("plugin").resolve("trino-iceberg-" + VERSION),
                    staging.resolve("plugin").resolve("iceberg"));
            Files.createFile(staging.resolve(".complete"));
            Files.move(staging, cache.resolve("server"), StandardCopyOption.ATOMIC_MOVE);
            // Maven's local repository keeps the archives; the copies here are no longer needed.
            deleteTree(download);
            unpackSeconds = seconds(started);
        }
    }

    /** {@code dependency:copy} through the project's Maven wrapper, so mirrors and proxies in settings apply. */
    private static void fetch(String artifact, Path into) throws IOException, InterruptedException {
        Path wrapper = mavenWrapper();
        List<String> command = new ArrayList<>(List.of(wrapper.toString(), "-B", "-ntp", "-q",
                "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy", "-Dartifact=" + artifact,
                "-DoutputDirectory=" + into));
        run(command, wrapper.getParent(), 1800);
    }

    private static Path mavenWrapper() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("mvnw"))) {
                return dir.resolve("mvnw");
            }
        }
        throw new IllegalStateException("no Maven wrapper (mvnw) above " + System.getProperty("user.dir"));
    }

    private static void run(List<String> command, Path directory, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("heavenbase-trino-fetch", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + output.substring(Math.max(0, output.length() - 2000)));
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
