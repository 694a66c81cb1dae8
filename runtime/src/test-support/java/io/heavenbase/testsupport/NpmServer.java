package io.heavenbase.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Node.js server process started by the tests: it runs until the test JVM exits (a shutdown hook stops it and
 * deletes its scratch directory). Its output goes to {@code target/npm-servers/<name>.log} of the module under test.
 * A JVM killed without running its shutdown hooks leaves no server behind either: node runs with a preload script that
 * exits when its standard input, a pipe from the JVM, closes.
 */
public final class NpmServer {

    private static final long STARTUP_LIMIT_SECONDS = 180;
    private static final String EXIT_WITH_PARENT = "heavenbase-exit-with-parent.cjs";
    private static final String EXIT_WITH_PARENT_SCRIPT = """
            // Preloaded by io.heavenbase.testsupport.NpmServer: exit when the test JVM (our stdin pipe) goes away.
            process.stdin.on('end', () => process.exit(0));
            process.stdin.on('error', () => process.exit(0));
            process.stdin.resume();
            """;

    private final String name;
    private final Process process;
    private final Path log;

    private NpmServer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code node <arguments>} in {@code installDir} and waits until {@code ready} holds; {@code scratch} (may be
     * null) is deleted when the server stops.
     *
     * @throws IllegalStateException with the reason and the log's last lines when it does not come up
     */
    public static NpmServer start(String name, Path installDir, List<String> arguments, BooleanSupplier ready,
            Path scratch) {
        String node = NpmPackages.onPath("node");
        if (node == null) {
            throw new IllegalStateException("node is not on the PATH (needs Node.js 20+)");
        }
        List<String> command = new ArrayList<>();
        command.add(node);
        command.add("--require");
        command.add(installDir.resolve(EXIT_WITH_PARENT).toString());
        command.addAll(arguments);
        try {
            writePreload(installDir.resolve(EXIT_WITH_PARENT));
            Path log = logFile(name);
            Process process = new ProcessBuilder(command).directory(installDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            NpmServer server = new NpmServer(name, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(scratch), "stop-" + name));
            System.err.println("[npm] starting " + name + ": " + String.join(" ", command) + " (log: " + log + ")");
            server.awaitReady(ready);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + String.join(" ", command) + "): " + e, e);
        }
    }

    /** A TCP port on 127.0.0.1 that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on 127.0.0.1: " + e, e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady(BooleanSupplier ready) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_LIMIT_SECONDS);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " while starting; log " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not answer within " + STARTUP_LIMIT_SECONDS
                        + " s; log " + log + ":\n" + tail());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    private void stop(Path scratch) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (scratch != null) {
                NpmPackages.deleteTree(scratch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("[npm] cannot delete " + scratch + ": " + e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Written whole and then moved into place: another test JVM may be starting node with it right now. */
    private static void writePreload(Path preload) throws IOException {
        Path written = Files.createTempFile(preload.getParent(), EXIT_WITH_PARENT, ".tmp");
        Files.writeString(written, EXIT_WITH_PARENT_SCRIPT);
        Files.move(written, preload, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path logFile(String name) throws IOException {
        Path target = Paths.get("target");
        Path dir = Files.isDirectory(target) ? target.resolve("npm-servers")
                : Paths.get(System.getProperty("java.io.tmpdir"), "heavenbase-npm-servers");
        Files.createDirectories(dir);
        return dir.resolve(name + ".log").toAbsolutePath();
    }
}
