package io.heavenbase.backend.lance;

import io.heavenbase.BackendException;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.BackendBase;
import io.heavenbase.spi.support.Chunks;
import java.nio.Buffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@code lance} backend: one Lance dataset per entity part (see {@link LanceProvider}).
 *
 * <p>Reads run concurrently; writes, structure changes, {@link #refresh()} and {@link #close()}
 * take an exclusive lock, so a reader never sees a dataset being replaced. Each write makes a new
 * dataset version (upsert is one merge-insert on {@code object_id}, delete one predicate per
 * {@value #DELETE_CHUNK} ids); readers of this instance see it at once, other instances after their
 * {@link #refresh()}, which re-opens the latest versions.
 */
public final class LanceBackend extends BackendBase {

    /** Ids per delete predicate and per fetch scan. */
    static final int DELETE_CHUNK = 1000;

    private final LanceSettings settings;
    private final LanceTables tables;
    private final LanceFragments fragments;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Small on purpose: Lance parses filters with DataFusion's SQL parser (recursion limit 50) in
     * native code, where a large filter crashed the JVM (300 ORed equalities) or spun forever
     * (deeply nested NOT) while the workspace lock was held. Bigger filters are split by the engine.
     */
    private static final FilterBudget BUDGET = new FilterBudget(200, 16);

    LanceBackend(LanceSettings settings, CapabilityTable capabilities) {
        super(settings.backendName(), LanceProvider.TYPE, capabilities, BUDGET);
        this.settings = settings;
        this.tables = openTables(settings);
        this.fragments = new LanceFragments(settings.backendName(), tables, settings);
    }

    @Override
    public void ensure(EntityLayout layout) {
        writing("ensure " + layout.entityId(), () -> tables.ensure(layout));
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Object, Map<String, Object>> lastById = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            lastById.remove(row.get(Names.OBJECT_ID));
            lastById.put(row.get(Names.OBJECT_ID), row);
        }
        writing("upsert into " + layout.entityId(), () -> tables.upsert(layout, new ArrayList<>(lastById.values())));
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        List<String> columns = new ArrayList<>();
        for (String field : fields) {
            if (layout.has(field) && !columns.contains(field)) {
                columns.add(field);
            }
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        return locked(lock.readLock(), "fetch from " + layout.entityId(), () -> {
            for (List<String> chunk : Chunks.of(ids, DELETE_CHUNK)) {
                tables.scan(layout, LanceFilter.idsIn(chunk), columns,
                        row -> out.put((String) row.get(Names.OBJECT_ID), row));
            }
            return out;
        });
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        writing("delete from " + layout.entityId(), () -> {
            for (List<String> chunk : Chunks.of(ids, DELETE_CHUNK)) {
                tables.delete(layout, LanceFilter.idsIn(chunk));
            }
        });
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        return locked(lock.readLock(), "query of " + layout.entityId(), () -> fragments.execute(layout, fragment));
    }

    @Override
    public long count(EntityLayout layout) {
        return locked(lock.readLock(), "count of " + layout.entityId(), () -> tables.count(layout, null));
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return locked(lock.readLock(), "ids of " + layout.entityId(), () -> {
            Set<String> ids = new LinkedHashSet<>();
            tables.scan(layout, null, List.of(), row -> ids.add((String) row.get(Names.OBJECT_ID)));
            return ids;
        });
    }

    @Override
    public void drop(EntityLayout layout) {
        writing("drop of " + layout.entityId(), () -> tables.drop(layout));
    }

    @Override
    public void refresh() {
        writing("refresh", () -> tables.forget());
    }

    @Override
    public void ping() {
        if (!Files.isDirectory(settings.directory()) || !Files.isWritable(settings.directory())) {
            throw new BackendException(name(), "ping", "directory " + settings.directory()
                    + " is missing or not writable", null);
        }
    }

    @Override
    public void close() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (!closed) {
                closed = true;
                tables.close();
            }
        } catch (RuntimeException e) {
            throw new BackendException(name(), "close", e);
        } finally {
            write.unlock();
        }
    }

    /** The names of the dataset's indexes (vector indexes are {@code <field>_idx}). */
    List<String> indexedFieldNames(EntityLayout layout) {
        return locked(lock.readLock(), "list indexes of " + layout.entityId(), () -> tables.indexes(layout));
    }

    /** Bytes held by this backend's Arrow allocator (0 between operations). */
    long allocatedBytes() {
        return tables.allocatedBytes();
    }

    /** Runs {@code action} under the write lock, like {@link #locked}. */
    private void writing(String operation, Runnable action) {
        locked(lock.writeLock(), operation, () -> {
            action.run();
            return null;
        });
    }

    private <T> T locked(Lock held, String operation, Supplier<T> action) {
        held.lock();
        try {
            if (closed) {
                throw new BackendException(name(), operation, "the backend is closed", null);
            }
            return action.get();
        } catch (HeavenBaseException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new BackendException(name(), operation, e);
        } finally {
            held.unlock();
        }
    }

    private static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    private static final String IN_QUARKUS = " (in Quarkus, quarkus:dev and the packaged application get it from the"
            + " extension; tests run in Surefire's JVM: add it to maven-surefire-plugin's argLine)";

    private static LanceTables openTables(LanceSettings settings) {
        // Arrow reads java.nio.Buffer's address field reflectively, the first time it allocates; checked
        // here so every later operation cannot fail with Arrow's own initialisation error instead.
        if (!Buffer.class.getModule().isOpen("java.nio", BufferAllocator.class.getModule())) {
            throw new BackendException(settings.backendName(), "open", "Arrow cannot reach java.nio buffers in this JVM"
                    + "; start the JVM with " + ADD_OPENS + IN_QUARKUS, null);
        }
        try {
            return new LanceTables(settings);
        } catch (RuntimeException | LinkageError e) {
            throw new BackendException(settings.backendName(), "open", "Arrow could not start ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the JVM needs " + ADD_OPENS, e);
        }
    }
}
