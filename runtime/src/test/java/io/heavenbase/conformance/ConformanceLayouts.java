package io.heavenbase.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The backend arrangements the conformance suite is run on. */
public final class ConformanceLayouts {

    private static final Runnable NOTHING = () -> { };

    private ConformanceLayouts() {
    }

    /** One inmem backend {@code main} holding everything. */
    public static ConformanceLayout inmem() {
        return new ConformanceLayout("inmem", Map.of("main", inmemConfig()), Map.of(), NOTHING);
    }

    /** One sqlite {@code :memory:} backend {@code main} holding everything. */
    public static ConformanceLayout sqliteMemory() {
        return new ConformanceLayout("sqlite-memory", Map.of("main", sqliteConfig(":memory:")), Map.of(), NOTHING);
    }

    /** One sqlite database file under {@code dir}; the cleanup deletes the directory. */
    public static ConformanceLayout sqliteFile(Path dir) {
        return new ConformanceLayout("sqlite-file", Map.of("main", sqliteConfig(dir.resolve("conformance.db").toString())),
                Map.of(), () -> deleteTree(dir)).persistentStores()
                .listingStructures(StructureListers.sqliteObjects(dir.resolve("conformance.db")));
    }

    /** {@link #sqliteFile(Path)} in a fresh temporary directory. */
    public static ConformanceLayout sqliteFile() {
        try {
            return sqliteFile(Files.createTempDirectory("hb-conformance-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two inmem backends: {@code main} and {@code vec}. The vector and some scalars live on
     * {@code vec}, so filters, ordering and hydration span both.
     */
    public static ConformanceLayout splitInMem() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", inmemConfig());
        backends.put("vec", inmemConfig());
        return new ConformanceLayout("split-inmem", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.ACTIVE, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.TAGS, "vec"), NOTHING);
    }

    /**
     * Like the {@code debug} preset: sqlite {@code main}, inmem {@code vec} and inmem
     * {@code search}; text on {@code search}, the vector and {@code qty} on {@code vec}, arrays on
     * {@code main}, everything else by the placement rules.
     */
    public static ConformanceLayout debugLike() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", sqliteConfig(":memory:"));
        backends.put("vec", inmemConfig());
        backends.put("search", inmemConfig());
        return new ConformanceLayout("debug-like", backends, Map.of(
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.SUMMARY, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.TAGS, "main",
                ConformanceEntity.SIZES, "main"), NOTHING);
    }

    private static Map<String, Object> inmemConfig() {
        return Map.of("type", "inmem");
    }

    private static Map<String, Object> sqliteConfig(String database) {
        return Map.of("type", "sqlite", "database", database);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
