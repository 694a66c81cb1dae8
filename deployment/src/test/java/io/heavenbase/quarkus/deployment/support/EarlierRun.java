package io.heavenbase.quarkus.deployment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;

/**
 * What an earlier run of an application left behind: a SQLite file in which a workspace registered an entity class
 * (the application's previous version of it) and wrote rows. The application under test then starts on that file.
 */
public final class EarlierRun {

    private final Path directory;
    private final Path database;

    private EarlierRun(Path directory) {
        this.directory = directory;
        this.database = directory.resolve("earlier-run.db");
    }

    /** Registers {@code entityClass} in workspace {@code workspaceId} on a fresh SQLite file and writes {@code rows}. */
    public static EarlierRun stored(String workspaceId, Class<?> entityClass, Map<String, ?>... rows) {
        EarlierRun run;
        try {
            run = new EarlierRun(Files.createTempDirectory("heavenbase-earlier-run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Workspace workspace = HeavenBase.open(workspaceId,
                Map.of("main", Map.of("type", "sqlite", "database", run.database.toString())))) {
            workspace.register(entityClass);
            for (Map<String, ?> row : rows) {
                workspace.upsert(entityClass, row);
            }
        }
        return run;
    }

    /** The SQLite file, for {@code heavenbase.backends.main.database}. */
    public String database() {
        return database.toString();
    }

    /** Deletes the file and its directory. */
    public void delete() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
