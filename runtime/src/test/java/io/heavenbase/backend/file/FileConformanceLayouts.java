package io.heavenbase.backend.file;

import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.StructureListers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The conformance arrangements of the file backends, each in a fresh temporary directory. */
final class FileConformanceLayouts {

    private FileConformanceLayouts() {
    }

    /** One backend {@code main} of {@code type} holding everything; it outlives a workspace instance. */
    static ConformanceLayout alone(String type) {
        Path directory = temporaryDirectory();
        return new ConformanceLayout(type, Map.of("main", config(type, directory)), Map.of(),
                () -> removeTree(directory)).persistentStores()
                // The lock file belongs to the open backend instance (other processes wait on it), not to the workspace.
                .listingStructures(StructureListers.files(directory, ".heavenbase.lock"));
    }

    /**
     * {@code main} of {@code type} and inmem {@code vec}, split like the inmem split layout: the
     * vector and some scalars on {@code vec}, so filters, ordering and hydration span both.
     */
    static ConformanceLayout mainOfSplit(String type) {
        Path directory = temporaryDirectory();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", config(type, directory));
        backends.put("vec", Map.of("type", "inmem"));
        return new ConformanceLayout("split-" + type, backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.ACTIVE, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.TAGS, "vec"), () -> removeTree(directory));
    }

    private static Map<String, Object> config(String type, Path directory) {
        return Map.of("type", type, "path", directory.toString());
    }

    /**
     * A fresh directory, in memory ({@code /dev/shm}) where there is one: the suite checks semantics,
     * not durability (KillDuringWriteTest does), and fsync on a shared disk would make its writes
     * take minutes.
     */
    private static Path temporaryDirectory() {
        Path memory = Path.of("/dev/shm");
        try {
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "hb-files-conformance-")
                    : Files.createTempDirectory("hb-files-conformance-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeTree(Path directory) {
        try {
            DurableFiles.removeTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
