package io.heavenbase.backend.file;

import io.heavenbase.spi.support.RowScan;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The {@code json} and {@code pickle} backends: one file per entity part,
 * {@code <path>/<physical name>.json} or {@code .cbor} (see {@link SnapshotCodec}).
 *
 * <p>Every write takes the directory's {@link DirectoryLock}, re-reads the file if another
 * instance changed it, applies the change and replaces the whole file atomically with a new random
 * revision. Reads serve the parsed file from memory after checking that the revision at the start
 * of the file is still the cached one, so a write by any other instance or process is visible to
 * the next read that starts after its rename; {@link #refresh()} drops the cache.
 */
public final class SnapshotBackend extends DirectoryBackend<EntitySnapshot> {

    private final FileEncoding encoding;
    private final SnapshotCodec codec;

    SnapshotBackend(String name, String type, Path directory, String prefix, FileEncoding encoding) {
        super(name, type, directory, prefix);
        this.encoding = encoding;
        this.codec = new SnapshotCodec(encoding);
    }

    /** The file holding an entity part: {@code <path>/<physical name><extension>}. */
    public Path file(EntityLayout layout) {
        return directory.resolve(SafeFileName.of(layout.physicalName(prefix)) + encoding.extension());
    }

    @Override
    public void ensure(EntityLayout layout) {
        locked("ensure " + layout.entityId(), () -> {
            DurableFiles.removeTemporaries(directory);
            EntitySnapshot before = current(layout);
            Map<String, DType> fields = declaredFields(before, layout);
            if (!before.exists() || !fields.equals(before.fields())) {
                commit(layout, new EntitySnapshot(before.revision(), fields, new TreeMap<>(before.rows())));
            }
        });
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        List<StoredRow> incoming = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            incoming.add(StoredRow.fromInput(layout, row));
        }
        if (incoming.isEmpty()) {
            return;
        }
        change(layout, "upsert into " + layout.entityId(), before -> {
            SortedMap<String, StoredRow> after = new TreeMap<>(before.rows());
            for (StoredRow row : incoming) {
                after.put(row.objectId(), row.keepingOtherFields(after.get(row.objectId()), layout));
            }
            return new EntitySnapshot(before.revision(), declaredFields(before, layout), after);
        });
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        EntitySnapshot snapshot = read(layout, "fetch from " + layout.entityId());
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String id : ids) {
            StoredRow row = snapshot.rows().get(id);
            if (row != null) {
                out.put(id, row.project(fields));
            }
        }
        return out;
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        change(layout, "delete from " + layout.entityId(), before -> {
            SortedMap<String, StoredRow> after = new TreeMap<>(before.rows());
            after.keySet().removeAll(Set.copyOf(ids));
            return after.size() == before.rows().size() ? before
                    : new EntitySnapshot(before.revision(), before.fields(), after);
        });
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        EntitySnapshot snapshot = read(layout, "query " + layout.entityId());
        List<Map<String, Object>> rows = new ArrayList<>();
        Collection<String> ids = fragment.candidates() == null ? snapshot.rows().keySet() : fragment.candidates();
        for (String id : ids) {
            StoredRow row = snapshot.rows().get(id);
            if (row != null) {
                rows.add(row.asScanRow());
            }
        }
        return RowScan.execute(rows, fragment);
    }

    @Override
    public long count(EntityLayout layout) {
        return read(layout, "count " + layout.entityId()).rows().size();
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return new LinkedHashSet<>(read(layout, "list ids of " + layout.entityId()).rows().keySet());
    }

    @Override
    public void drop(EntityLayout layout) {
        locked("drop " + layout.entityId(), () -> {
            Path file = file(layout);
            Files.deleteIfExists(file);
            DurableFiles.syncDirectory(directory);
            cache.remove(file);
        });
    }

    private EntitySnapshot read(EntityLayout layout, String operation) {
        return io(operation, () -> current(layout));
    }

    /** Applies {@code change} under the lock to the file's latest content; writes only on change. */
    private void change(EntityLayout layout, String operation, UnaryOperator<EntitySnapshot> change) {
        locked(operation, () -> {
            EntitySnapshot before = current(layout);
            EntitySnapshot after = change.apply(before);
            if (after != before) {
                commit(layout, after);
            }
        });
    }

    /** The file's content, from the cache when the file still has the cached revision. */
    private EntitySnapshot current(EntityLayout layout) throws IOException {
        Path file = file(layout);
        EntitySnapshot cached = cache.get(file);
        if (cached != null && cached.revision().equals(codec.readRevision(file))) {
            return cached;
        }
        EntitySnapshot loaded = codec.read(file, layout.entityId());
        cache.put(file, loaded);
        return loaded;
    }

    private void commit(EntityLayout layout, EntitySnapshot content) throws IOException {
        EntitySnapshot written = new EntitySnapshot(RandomRevision.next(), content.fields(), content.rows());
        Path file = file(layout);
        codec.write(file, layout.entityId(), written);
        cache.put(file, written);
    }

    /** The fields declared in the file plus the layout's (the layout's type wins). */
    private static Map<String, DType> declaredFields(EntitySnapshot before, EntityLayout layout) {
        Map<String, DType> fields = new LinkedHashMap<>(before.fields());
        for (StoredField field : layout.fields()) {
            fields.put(field.name(), field.dtype());
        }
        return fields;
    }
}
