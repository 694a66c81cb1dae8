package io.heavenbase.backend.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link WriterProcess} running in its own JVM, with the test's class path. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived writer: the quick JIT tier and a single-threaded GC halve its start-up on a busy machine.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WriterProcess.class.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Blocks until the child prints {@code line}; fails when it exits first. */
    void await(String line) throws IOException {
        String read;
        while ((read = output.readLine()) != null) {
            if (read.equals(line)) {
                return;
            }
        }
        throw new IllegalStateException("the child JVM exited with " + exitCode() + " before printing " + line);
    }

    /** SIGKILL, like {@code kill -9}: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }

    private int exitCode() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        output.close();
    }
}
