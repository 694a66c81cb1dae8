package io.heavenbase.backend.inmem;

import io.heavenbase.spi.support.VectorColumn;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Snapshots of one table's vector fields ({@link VectorColumn}), built on the first near after a
 * change and reused until the next write. Writers bracket every change with {@link #write}; a
 * snapshot is published only when no write ran or started while it was built, and used only
 * while no write has happened since, so a near sees either the table before a write or after it.
 */
final class VectorColumns {

    private record Snapshot(long writes, VectorColumn column) {
    }

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong finished = new AtomicLong();
    private final Map<String, Snapshot> byField = new ConcurrentHashMap<>();

    /** Runs a change of the table; snapshots taken before it are not used after it. */
    void write(Runnable change) {
        running.incrementAndGet();
        try {
            change.run();
        } finally {
            finished.incrementAndGet();
            running.decrementAndGet();
            byField.clear();
        }
    }

    /**
     * The column of {@code field} over {@code rows}, from the snapshot when it is current; null
     * while a write is running (the caller then scans the rows themselves).
     */
    VectorColumn column(String field, Supplier<Collection<Map<String, Object>>> rows) {
        long writes = finished.get();
        if (running.get() != 0) {
            return null;
        }
        Snapshot snapshot = byField.get(field);
        if (snapshot != null && snapshot.writes() == writes) {
            return snapshot.column();
        }
        VectorColumn column = VectorColumn.of(rows.get(), field);
        if (running.get() == 0 && finished.get() == writes) {
            byField.put(field, new Snapshot(writes, column));
        }
        return column;
    }

    /** Whether a current snapshot of {@code field} is held, for tests. */
    boolean holds(String field) {
        Snapshot snapshot = byField.get(field);
        return snapshot != null && snapshot.writes() == finished.get();
    }
}
