package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.StructureListers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The conformance arrangements of the duckdb backend. */
final class DuckdbConformanceLayouts {

    private DuckdbConformanceLayouts() {
    }

    /** One in-memory duckdb backend {@code main} holding everything. */
    static ConformanceLayout memory() {
        return new ConformanceLayout("duckdb-memory", Map.of("main", config(":memory:")), Map.of(), () -> { });
    }

    /** One duckdb file {@code main} holding everything; it outlives a workspace instance. */
    static ConformanceLayout file() {
        Path directory = temporaryDirectory();
        Path database = directory.resolve("hb.duckdb");
        return new ConformanceLayout("duckdb-file", Map.of("main", config(database.toString())), Map.of(),
                () -> removeTree(directory)).persistentStores()
                .listingStructures(StructureListers.duckdbObjects(database));
    }

    /**
     * A duckdb file as {@code main} beside inmem {@code vec} and inmem {@code search}, like the
     * {@code debug} preset: text on search, the vector and qty on vec, arrays and the rest on main.
     */
    static ConformanceLayout fileAsMainOfSplit() {
        Path directory = temporaryDirectory();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", config(directory.resolve("hb.duckdb").toString()));
        backends.put("vec", Map.of("type", "inmem"));
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout("duckdb-split", backends, Map.of(
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.SUMMARY, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.TAGS, "main",
                ConformanceEntity.SIZES, "main"), () -> removeTree(directory));
    }

    private static Map<String, Object> config(String database) {
        return Map.of("type", "duckdb", "database", database);
    }

    /** A fresh directory, in memory ({@code /dev/shm}) where there is one: these tests check semantics, not disks. */
    private static Path temporaryDirectory() {
        Path memory = Path.of("/dev/shm");
        try {
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "hb-duckdb-")
                    : Files.createTempDirectory("hb-duckdb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void removeTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
