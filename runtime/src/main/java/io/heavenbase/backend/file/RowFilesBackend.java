package io.heavenbase.backend.file;

import io.heavenbase.query.Expr;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code file} backend: one directory per entity part, {@code <path>/<physical name>/}, holding
 * one JSON file per row ({@code <object id>.json}, see {@link RowFileCodec}) and each Artifact
 * value in a file of its own ({@link ArtifactRef}), so a large payload is written once and not
 * again with every change of its row. Names are {@link SafeFileName}s.
 *
 * <p>Each row file is replaced atomically; a batch is not atomic as a whole (a crash leaves some
 * rows new and the others old, each complete). A writer holds the {@link DirectoryLock} and brackets
 * its changes with a new incomplete and a new complete {@link RevisionFile}. A read first reads the
 * revision: when it is the complete revision this instance last scanned, the cached rows are served;
 * otherwise the directory is scanned again, re-reading the row files whose {@link FileStamp}
 * changed. {@link #refresh()} drops the cache.
 */
public final class RowFilesBackend extends DirectoryBackend<RowDirectory> {

    static final String ROW_SUFFIX = ".json";

    RowFilesBackend(String name, Path directory, String prefix) {
        super(name, FileProvider.TYPE, directory, prefix);
    }

    /** The directory holding an entity part: {@code <path>/<physical name>}. */
    public Path entityDirectory(EntityLayout layout) {
        return directory.resolve(SafeFileName.of(layout.physicalName(prefix)));
    }

    /** The name of the file holding the row with this object id. */
    static String rowFileName(String objectId) {
        return SafeFileName.of(objectId) + ROW_SUFFIX;
    }

    @Override
    public void ensure(EntityLayout layout) {
        locked("ensure " + layout.entityId(), () -> {
            Path entityDirectory = entityDirectory(layout);
            DurableFiles.removeTemporaries(directory);
            createDirectory(entityDirectory);
            DurableFiles.removeTemporaries(entityDirectory);
            RowDirectory state = current(layout);
            new ArtifactFiles(entityDirectory).removeOrphans(state.rows().values());
            RevisionFile revision = RevisionFile.read(entityDirectory);
            if (revision == null || !revision.complete()) {
                finishCommit(entityDirectory, state.rows());
            }
        });
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        Map<String, StoredRow> incoming = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            StoredRow stored = StoredRow.fromInput(layout, row);
            incoming.put(stored.objectId(), stored);
        }
        if (incoming.isEmpty()) {
            return;
        }
        locked("upsert into " + layout.entityId(), () -> {
            Path entityDirectory = entityDirectory(layout);
            createDirectory(entityDirectory);
            RowDirectory before = current(layout);
            new RevisionFile(RandomRevision.next(), false).write(entityDirectory);
            ArtifactFiles artifacts = new ArtifactFiles(entityDirectory);
            List<RowFile> pending = new ArrayList<>();
            List<Path> writtenArtifacts = new ArrayList<>();
            List<Path> obsoleteArtifacts = new ArrayList<>();
            for (StoredRow row : incoming.values()) {
                CachedRow old = before.rows().get(row.objectId());
                StoredRow merged = row.keepingOtherFields(old == null ? null : old.row(), layout);
                pending.add(artifacts.store(layout, merged, old, writtenArtifacts, obsoleteArtifacts));
            }
            if (!writtenArtifacts.isEmpty()) {
                // The artifacts' renames must be durable before any row file refers to them.
                DurableFiles.syncDirectory(entityDirectory);
            }
            SortedMap<String, CachedRow> after = new TreeMap<>(before.rows());
            RowFileCodec codec = new RowFileCodec(layout.entityId());
            for (RowFile content : pending) {
                Path file = entityDirectory.resolve(rowFileName(content.row().objectId()));
                codec.write(file, content);
                long statMillis = System.currentTimeMillis();
                FileStamp stamp = FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class));
                after.put(content.row().objectId(), new CachedRow(content, stamp, statMillis));
            }
            DurableFiles.syncDirectory(entityDirectory);
            for (Path artifact : obsoleteArtifacts) {
                Files.deleteIfExists(artifact);
            }
            finishCommit(entityDirectory, after);
        });
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        return io("fetch from " + layout.entityId(), () -> readingArtifacts(layout, state -> {
            ArtifactFiles artifacts = new ArtifactFiles(entityDirectory(layout));
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            for (String id : ids) {
                CachedRow row = state.rows().get(id);
                if (row != null) {
                    Map<String, Object> values = row.row().project(fields);
                    for (String field : fields) {
                        if (values.get(field) instanceof ArtifactRef) {
                            values.put(field, artifacts.read(id, field, (ArtifactRef) values.get(field)));
                        }
                    }
                    out.put(id, values);
                }
            }
            return out;
        }));
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        locked("delete from " + layout.entityId(), () -> {
            Path entityDirectory = entityDirectory(layout);
            RowDirectory before = current(layout);
            List<StoredRow> doomed = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                CachedRow row = before.rows().get(id);
                if (row != null) {
                    doomed.add(row.row());
                }
            }
            if (doomed.isEmpty()) {
                return;
            }
            new RevisionFile(RandomRevision.next(), false).write(entityDirectory);
            SortedMap<String, CachedRow> after = new TreeMap<>(before.rows());
            for (StoredRow row : doomed) {
                Files.deleteIfExists(entityDirectory.resolve(rowFileName(row.objectId())));
                after.remove(row.objectId());
            }
            DurableFiles.syncDirectory(entityDirectory);
            ArtifactFiles artifacts = new ArtifactFiles(entityDirectory);
            for (StoredRow row : doomed) {
                for (Path artifact : artifacts.of(row)) {
                    Files.deleteIfExists(artifact);
                }
            }
            finishCommit(entityDirectory, after);
        });
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        Set<String> needed = referencedFields(fragment);
        return io("query " + layout.entityId(), () -> readingArtifacts(layout, state -> {
            ArtifactFiles artifacts = new ArtifactFiles(entityDirectory(layout));
            Collection<String> ids = fragment.candidates() == null ? state.rows().keySet() : fragment.candidates();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String id : ids) {
                CachedRow row = state.rows().get(id);
                if (row != null) {
                    rows.add(scanRow(artifacts, row.row(), needed));
                }
            }
            return RowScan.execute(rows, fragment);
        }));
    }

    @Override
    public long count(EntityLayout layout) {
        return io("count " + layout.entityId(), () -> current(layout).rows().size());
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return io("list ids of " + layout.entityId(), () -> new LinkedHashSet<>(current(layout).rows().keySet()));
    }

    @Override
    public void drop(EntityLayout layout) {
        locked("drop " + layout.entityId(), () -> {
            Path entityDirectory = entityDirectory(layout);
            DurableFiles.removeTree(entityDirectory);
            cache.remove(entityDirectory);
        });
    }

    /** The rows as of now: cached when the directory still has the cached complete revision. */
    private RowDirectory current(EntityLayout layout) throws IOException {
        Path entityDirectory = entityDirectory(layout);
        RowDirectory cached = cache.get(entityDirectory);
        RevisionFile revision = RevisionFile.read(entityDirectory);
        String trusted = revision != null && revision.complete() ? revision.revision() : null;
        if (cached != null && trusted != null && trusted.equals(cached.revision())) {
            return cached;
        }
        RowDirectory scanned = (cached == null ? RowDirectory.EMPTY : cached).rescan(entityDirectory,
                layout.entityId(), trusted);
        cache.put(entityDirectory, scanned);
        return scanned;
    }

    /** The row for {@link RowScan}: every value, artifacts read only for the fields the fragment uses. */
    private static Map<String, Object> scanRow(ArtifactFiles artifacts, StoredRow row, Set<String> needed)
            throws IOException {
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            if (!(entry.getValue() instanceof ArtifactRef)) {
                out.put(entry.getKey(), entry.getValue());
            } else if (needed.contains(entry.getKey())) {
                out.put(entry.getKey(), artifacts.read(row.objectId(), entry.getKey(), (ArtifactRef) entry.getValue()));
            }
        }
        out.put(Names.OBJECT_ID, row.objectId());
        return out;
    }

    private static Set<String> referencedFields(Fragment fragment) {
        Set<String> fields = new HashSet<>(fragment.columns());
        if (fragment.filter() != null) {
            for (Expr.Leaf leaf : fragment.filter().leaves()) {
                fields.add(leaf.field());
            }
        }
        for (SortKey key : fragment.order()) {
            fields.add(key.field());
        }
        if (fragment.near() != null) {
            fields.add(fragment.near().field());
        }
        return fields;
    }

    /**
     * Runs {@code action} on the current rows; when an artifact vanished because a writer replaced
     * its row meanwhile, runs it once more on the rows as they are now.
     */
    private <T> T readingArtifacts(EntityLayout layout, RowsAction<T> action) throws IOException {
        RowDirectory state = current(layout);
        try {
            return action.run(state);
        } catch (MissingArtifactException e) {
            RowDirectory now = current(layout);
            if (now == state) {
                throw e;
            }
            return action.run(now);
        }
    }

    private void finishCommit(Path entityDirectory, SortedMap<String, CachedRow> rows) throws IOException {
        String revision = RandomRevision.next();
        new RevisionFile(revision, true).write(entityDirectory);
        cache.put(entityDirectory, new RowDirectory(revision, rows));
    }

    private void createDirectory(Path entityDirectory) throws IOException {
        if (!Files.isDirectory(entityDirectory)) {
            Files.createDirectories(entityDirectory);
            DurableFiles.syncDirectory(directory);
        }
    }

    /** A step over the rows of one entity directory. */
    @FunctionalInterface
    private interface RowsAction<T> {
        T run(RowDirectory rows) throws IOException;
    }
}
