package io.heavenbase.backend.sql.mysql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link MysqlApplicationProcess} in its own JVM with the test's class path, driven through stdin and stdout. */
final class MysqlChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final Writer input;

    private MysqlChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static MysqlChildJvm start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived application: the quick JIT tier and a single-threaded GC halve its start-up on a busy machine.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MysqlApplicationProcess.class.getName());
        command.addAll(List.of(args));
        return new MysqlChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Blocks until the child prints {@code line}; fails when it exits first. */
    void await(String line) throws IOException {
        String read;
        while ((read = output.readLine()) != null) {
            if (read.equals(line)) {
                return;
            }
        }
        throw new IllegalStateException("the child JVM exited before printing " + line);
    }

    /** Sends one line to the child's stdin. */
    void send(String line) throws IOException {
        input.write(line + "\n");
        input.flush();
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        output.close();
    }
}
