package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmarkState;
import io.heavenbase.bench.data.DataSet;
import io.heavenbase.bench.data.Items;
import io.heavenbase.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Bulk write of {@code size} {@link Items} into empty stores: {@code ws.upsertMany} vs the row's
 * baseline writing the same rows. One operation writes all rows, so ops/s is batches per second.
 * Before each operation (not timed) both sides get empty stores, closed after it (a row may
 * store some of the ids first, see {@link #storedBefore}). A row supplies
 * how to open the empty stores, how the baseline writes and how it reads back what it wrote.
 */
public abstract class BulkUpsertBenchmark extends PairedBenchmarkState {

    @Param("100000")
    public int size;

    private List<Map<String, Object>> rows;
    private Workspace workspace;

    @Override
    public final void open(int size) throws Exception {
        this.size = size;
        rows = dataSet().rows().of(0, size, 0);
        beforeTrial();
    }

    /** Empty stores for the next operation. */
    @Setup(Level.Invocation)
    public final void freshStores() throws Exception {
        workspace = openEmptyWorkspace();
        workspace.register(schema());
        openEmptyBaseline();
        int stored = storedBefore(size);
        if (stored > 0) {
            List<Map<String, Object>> earlier = dataSet().rows().of(size - stored, size, 1);
            workspace.upsertMany(schema().id(), earlier);
            write(earlier);
        }
    }

    /**
     * How many of the {@code size} ids both sides already hold (with other values) before each
     * operation, written untimed the same way as the timed write; none by default (empty stores).
     */
    protected int storedBefore(int size) {
        return 0;
    }

    @TearDown(Level.Invocation)
    public final void closeStores() throws Exception {
        try {
            workspace.close();
        } finally {
            closeBaseline();
        }
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.upsertMany(schema().id(), rows).size();
    }

    @Benchmark
    public Object baseline() throws Exception {
        write(rows);
        return rows.size();
    }

    /** The row count and the last row as stored. */
    @Override
    public final Object checkHeavenbase() throws Exception {
        freshStores();
        try {
            heavenbase();
            Map<String, Object> stored = new LinkedHashMap<>(workspace.get(schema().id(), lastId()).orElseThrow());
            // fields the row has no value for (e.g. the entity's implicit name) have no column in the baselines' tables
            stored.values().removeIf(Objects::isNull);
            return List.of(workspace.count(schema().id()), Map.copyOf(stored));
        } finally {
            closeStores();
        }
    }

    /** The row count and the last row as stored. */
    @Override
    public final Object checkBaseline() throws Exception {
        freshStores();
        try {
            baseline();
            return stored(lastId());
        } finally {
            closeStores();
        }
    }

    /** What the row writes; {@link DataSet#ITEMS} by default. */
    protected DataSet dataSet() {
        return DataSet.ITEMS;
    }

    /** The written entity. */
    protected final EntitySchema schema() {
        return dataSet().schema();
    }

    /** Opens what lives for the whole trial (a connection, an ORM); nothing by default. */
    protected void beforeTrial() throws Exception {
    }

    /** A HeavenBase workspace without the item table (the base registers the schema). */
    protected abstract Workspace openEmptyWorkspace() throws Exception;

    /** The baseline's empty store for the next operation. */
    protected abstract void openEmptyBaseline() throws Exception;

    /** The baseline's write of all rows (timed). */
    protected abstract void write(List<Map<String, Object>> rows) throws Exception;

    /** What the baseline stored: its row count and the row with this id as an immutable map, in a list. */
    protected abstract List<Object> stored(String id) throws Exception;

    /** Releases the baseline's store of the operation; nothing by default. */
    protected void closeBaseline() throws Exception {
    }

    private String lastId() {
        return (String) rows.get(size - 1).get("object_id");
    }
}
