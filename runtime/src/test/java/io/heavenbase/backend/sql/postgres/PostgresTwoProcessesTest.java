package io.heavenbase.backend.sql.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two application instances in two JVMs share one workspace on PostgreSQL: they register the same
 * entities at the same moment (both succeed) and each sees the other's committed writes.
 */
class PostgresTwoProcessesTest {

    @Test
    void givenTwoJvms_whenBothRegisterTheSameEntitiesAtOnceAndWrite_thenBothSucceedAndSeeEachOthersRows()
            throws Exception {
        PostgresTestServers server = PostgresTestServers.POSTGRES;
        String url = server.url();
        String schema = PostgresTestServers.freshSchema();
        try (Child first = Child.start(url, schema, "first"); Child second = Child.start(url, schema, "second")) {
            first.await("ready");
            second.await("ready");

            first.send("go");
            second.send("go");
            first.await("written");
            second.await("written");
            first.send("read");
            second.send("read");

            TreeSet<String> expected = new TreeSet<>();
            for (int i = 0; i < PostgresWorkspaceProcess.ROWS; i++) {
                expected.add("first-" + i);
                expected.add("second-" + i);
            }
            String both = "ids " + String.join(",", expected);
            assertThat(first.next()).isEqualTo(both);
            assertThat(second.next()).isEqualTo(both);
            assertThat(first.exitCode()).isZero();
            assertThat(second.exitCode()).isZero();
            try (Workspace ws = HeavenBase.open(PostgresWorkspaceProcess.WORKSPACE,
                    Map.of("main", PostgresWorkspaceProcess.backend(url, schema)))) {
                assertThat(ws.count(ws.register(PostgresWorkspaceProcess.entities().get(0))))
                        .isEqualTo(2L * PostgresWorkspaceProcess.ROWS);
            }
        } finally {
            server.dropSchema(schema);
        }
    }

    /** A {@link PostgresWorkspaceProcess} in its own JVM with the test's class path. */
    private static final class Child implements AutoCloseable {

        private final Process process;
        private final BufferedReader output;
        private final Writer input;

        private Child(Process process) {
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        static Child start(String url, String schema, String name) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // A short-lived instance: the quick JIT tier and a single-threaded GC halve its start-up on a busy machine.
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(PostgresWorkspaceProcess.class.getName());
            command.addAll(List.of(url, schema, name));
            return new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        void send(String line) throws IOException {
            input.write(line + "\n");
            input.flush();
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

        /** The child's {@code ids} line, skipping anything else it prints. */
        String next() throws IOException {
            String read;
            while ((read = output.readLine()) != null) {
                if (read.startsWith("ids ")) {
                    return read;
                }
            }
            return null;
        }

        int exitCode() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the child JVM did not finish within 120 s");
                }
                return process.exitValue();
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
}
