package io.heavenbase.backend.inmem;

import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.VectorColumn;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;

/**
 * Snapshots of one table's vector fields ({@link VectorColumn}) and text fields ({@link TermIndex}), built on the
 * first near or search after a change and reused until the next write. Writers bracket every change with
 * {@link #write}; a snapshot is published only when no write ran or started while it was built, and used only
 * while no write has happened since, so a near or search sees either the table before a write or after it.
 */
final class TableSnapshots {

    private record Snapshot(long writes, Object value) {
    }

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong finished = new AtomicLong();
    private final Map<String, Snapshot> byKey = new ConcurrentHashMap<>();

    /** Runs a change of the table; snapshots taken before it are not used after it. */
    void write(Runnable change) {
        running.incrementAndGet();
        try {
            change.run();
        } finally {
            finished.incrementAndGet();
            running.decrementAndGet();
            byKey.clear();
        }
    }

    /**
     * The column of {@code field} over {@code rows}, from the snapshot when it is current; null
     * while a write is running (the caller then scans the rows themselves).
     */
    VectorColumn column(String field, Supplier<Collection<Map<String, Object>>> rows) {
        if (running.get() != 0) {
            return null;
        }
        return current(vectorKey(field), () -> VectorColumn.of(rows.get(), field));
    }

    /** The term index of {@code field} over {@code rows}, from the snapshot when it is current. */
    TermIndex terms(String field, Supplier<Collection<Map<String, Object>>> rows, Analyzer analyzer) {
        return current("terms:" + field, () -> TermIndex.of(rows.get(), field, Names.OBJECT_ID, analyzer));
    }

    @SuppressWarnings("unchecked")
    private <T> T current(String key, Supplier<T> build) {
        long writes = finished.get();
        Snapshot snapshot = byKey.get(key);
        if (snapshot != null && snapshot.writes() == writes && running.get() == 0) {
            return (T) snapshot.value();
        }
        T value = build.get();
        if (running.get() == 0 && finished.get() == writes) {
            byKey.put(key, new Snapshot(writes, value));
        }
        return value;
    }

    /** Whether a current snapshot of the vector field {@code field} is held, for tests. */
    boolean holds(String field) {
        Snapshot snapshot = byKey.get(vectorKey(field));
        return snapshot != null && snapshot.writes() == finished.get();
    }

    private static String vectorKey(String field) {
        return "vector:" + field;
    }
}
