package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Point get by id over {@code size} {@link Items}: {@code ws.get} vs the row's baseline, both
 * reading the same pseudo-random ids in the same order. A row supplies the store and how the
 * baseline reads one row.
 */
public abstract class PointGetBenchmark extends ItemReadBenchmark {

    private static final long SEED = 7;

    private IdSequence ids;

    @Override
    public final void open(int size) throws Exception {
        super.open(size);
        ids = new IdSequence(size, SEED);
    }

    @Benchmark
    public Object heavenbase() {
        return store().workspace().get(Items.ENTITY, ids.next()).orElseThrow();
    }

    @Benchmark
    public Object baseline() throws Exception {
        return get(ids.next());
    }

    @Override
    public final Object checkHeavenbase() {
        ids = new IdSequence(size, SEED);
        return heavenbase();
    }

    @Override
    public final Object checkBaseline() throws Exception {
        ids = new IdSequence(size, SEED);
        return comparable(baseline());
    }

    /** The baseline's read of one row (timed). */
    protected abstract Object get(String id) throws Exception;
}
