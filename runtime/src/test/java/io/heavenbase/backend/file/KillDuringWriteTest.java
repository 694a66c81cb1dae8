package io.heavenbase.backend.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Kills a child JVM with SIGKILL in the middle of large writes, again and again, and checks that
 * every file still parses and holds complete rows of one version the child wrote.
 */
class KillDuringWriteTest {

    static final List<String> TYPES = FileBackends.TYPES;
    private static final int ROUNDS = 5;
    /** Under heavy load a kill may keep landing between writes; extra rounds until one lands inside a write. */
    private static final int MAX_ROUNDS = 25;
    private static final int VERSIONS_PER_ROUND = 1_000_000;

    @TempDir
    Path directory;

    private static int rowsPerBatch(String type) {
        // Two fsyncs per row (row file and artifact) make the file backend's batches slow enough with fewer rows.
        return type.equals("file") ? 50 : 10_000;
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void aWriterKilledMidWriteLeavesCompleteRowsOfOneWrittenVersion(String type) throws Exception {
        EntityLayout layout = FileBackends.versioned();
        int rows = rowsPerBatch(type);
        Random random = new Random();
        int killsMidWrite = 0;
        for (int round = 0; round < ROUNDS || killsMidWrite == 0 && round < MAX_ROUNDS; round++) {
            long firstVersion = (long) round * VERSIONS_PER_ROUND + 1;
            try (ChildJvm child = ChildJvm.start("loop", type, directory.toString(), String.valueOf(rows),
                    String.valueOf(firstVersion))) {
                child.await("ready");
                Thread.sleep(100 + random.nextInt(round < ROUNDS ? 500 : 1500));
                child.kill();
            }
            if (leftAWriteUnfinished()) {
                killsMidWrite++;
            }

            Set<Long> versions = verifyEveryRowIsComplete(type, layout, rows, firstVersion);

            if (!type.equals("file")) {
                assertThat(versions).as("versions in the one %s file after round %d", type, round).hasSize(1);
            }
        }
        assertThat(killsMidWrite).as("rounds whose kill interrupted a write").isPositive();
    }

    /** Whether the killed writer left a temporary file or an incomplete revision behind. */
    private boolean leftAWriteUnfinished() throws IOException {
        boolean temporaryLeft = FileBackends.filesUnder(directory).stream()
                .anyMatch(file -> DurableFiles.isTemporary(Path.of(file).getFileName().toString()));
        RevisionFile revision = RevisionFile.read(directory.resolve("doc"));
        return temporaryLeft || revision != null && !revision.complete();
    }

    /** Reads everything with a fresh instance; returns the versions found. */
    private Set<Long> verifyEveryRowIsComplete(String type, EntityLayout layout, int rows, long firstVersion) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            ids.add("doc-" + i);
        }
        Set<Long> versions = new HashSet<>();
        List<String> tornRows = new ArrayList<>();
        try (Backend reader = FileBackends.open(type, directory)) {
            Map<String, Map<String, Object>> read = reader.fetch(layout, ids, List.of("title", "version", "payload"));
            assertThat(read).hasSize(rows);
            for (String id : ids) {
                Map<String, Object> row = read.get(id);
                long version = (Long) row.get("version");
                boolean complete = version >= firstVersion && version < firstVersion + VERSIONS_PER_ROUND
                        && row.get("title").equals(id + "@v" + version)
                        && Arrays.equals((byte[]) row.get("payload"), WriterProcess.payload(id, version));
                if (!complete) {
                    tornRows.add(id + "=" + row.get("title"));
                }
                versions.add(version);
            }
        }
        assertThat(tornRows).as("rows not written whole by one batch of this round").isEmpty();
        return versions;
    }
}
