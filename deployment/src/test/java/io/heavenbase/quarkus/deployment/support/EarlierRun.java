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
import io.heavenbase.schema.EntitySchema;

/**
 * What an earlier run of an application left behind: a SQLite file in which a workspace registered an entity (the
 * application's previous version of it) and wrote rows. The application under test then starts on that file.
 *
 * <p>Creating an instance only names the file, so a test class may hold one in a static field even when Quarkus
 * loads the class a second time; {@link #store} (from {@code QuarkusUnitTest.setBeforeAllCustomizer}) writes it. The
 * previous version is an {@link EntitySchema}, not a class: a second {@code @HeavenEntity} class with the same id in
 * the test would be found by the build.
 */
public final class EarlierRun {

    private final String workspaceId;
    private final Path directory;

    /** An earlier run of workspace {@code workspaceId} stored under {@code target/earlier-runs/<name>}. */
    public EarlierRun(String workspaceId, String name) {
        this.workspaceId = workspaceId;
        this.directory = Path.of("target", "earlier-runs", name).toAbsolutePath();
    }

    /** The SQLite file, for {@code heavenbase.backends.main.database}. */
    public String database() {
        return directory.resolve("earlier-run.db").toString();
    }

    /** Registers {@code entity} on a fresh file, writes {@code rows} and closes the workspace, as a stopped app would. */
    @SafeVarargs
    public final void store(EntitySchema entity, Map<String, ?>... rows) {
        delete();
        try (Workspace workspace = HeavenBase.open(workspaceId,
                Map.of("main", Map.of("type", "sqlite", "database", database())))) {
            workspace.register(entity);
            for (Map<String, ?> row : rows) {
                workspace.upsert(entity, row);
            }
        }
    }

    /** Deletes the file and its directory. */
    public void delete() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
