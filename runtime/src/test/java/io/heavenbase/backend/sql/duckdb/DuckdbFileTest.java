package io.heavenbase.backend.sql.duckdb;

import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.inline;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.layout;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.row;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.spi.EntityLayout;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DuckDB database file: its rows outlive the backend, two backends on the file in one JVM share
 * the database (and its writes), and another process cannot open it while this one has it open.
 */
class DuckdbFileTest {

    private final EntityLayout note = layout("note", inline("text", "ShortText"), inline("n", "Integer"));

    @TempDir
    Path directory;

    @Test
    void givenRowsWritten_whenTheBackendIsClosedAndReopened_thenTheRowsAreStillThere() {
        String file = directory.resolve("nested/dir/notes.duckdb").toString();
        try (SqlBackend first = DuckdbFixtures.open(file)) {
            first.ensure(note);
            first.upsert(note, rows(row(note, "a", "text", "kept", "n", 1L)));
        }

        try (SqlBackend second = DuckdbFixtures.open(file)) {
            second.ensure(note);
            assertThat(second.fetch(note, List.of("a"), List.of("text")).get("a")).containsEntry("text", "kept");
        }
    }

    @Test
    void givenTwoBackendsOnOneFile_whenBothWriteConcurrently_thenNoWriteIsLostAndEachSeesTheOthers() throws Exception {
        String file = directory.resolve("shared.duckdb").toString();
        try (SqlBackend left = DuckdbFixtures.open(file); SqlBackend right = DuckdbFixtures.open(file)) {
            left.ensure(note);
            right.ensure(note);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (SqlBackend backend : List.of(left, right)) {
                String side = backend == left ? "left" : "right";
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        backend.upsert(note, rows(row(note, side + i, "text", side, "n", (long) i),
                                row(note, "both", "text", side, "n", (long) i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(left.count(note)).isEqualTo(101);
            assertThat(right.ids(note)).isEqualTo(left.ids(note));
        }
    }

    @Test
    void givenAFileOpenHere_whenAnotherProcessOpensIt_thenItIsRefusedNamingTheDatabaseProperty() throws Exception {
        String file = directory.resolve("locked.duckdb").toString();
        try (SqlBackend holder = DuckdbFixtures.open(file)) {
            holder.ensure(note);

            String answer = runInAnotherJvm(file);

            assertThat(answer).startsWith("refused: ").contains("heavenbase.backends.other.database");
        }
        assertThat(Files.exists(Path.of(file))).isTrue();
    }

    private static String runInAnotherJvm(String file) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                DuckdbOpenAttempt.class.getName(), file).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = output.readLine();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return String.valueOf(line);
        } finally {
            process.destroyForcibly();
        }
    }
}
