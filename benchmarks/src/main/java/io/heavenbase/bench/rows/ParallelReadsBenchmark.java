package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmarkState;
import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Read scaling: the same workload ({@code ws.get} of pseudo-random ids over {@code size}
 * {@link Items}, one workspace shared by every thread) from 4 threads vs from 1 thread. JMH sums the
 * throughput of all threads, so the ratio is the speed-up. A row supplies the store.
 */
public abstract class ParallelReadsBenchmark extends ItemReadBenchmark {

    /** Thread {@code i} reads the id sequence of seed {@code FIRST_SEED + i}. */
    private static final long FIRST_SEED = 101;
    private static final long CHECK_SEED = 5;

    /** Each thread reads its own id sequence. */
    @State(Scope.Thread)
    public static class Reader {
        IdSequence ids;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params, ThreadParams thread) {
            ids = new IdSequence(PairedBenchmarkState.size(params), FIRST_SEED + thread.getThreadIndex());
        }
    }

    @Benchmark
    @Threads(4)
    public Object heavenbase(Reader reader) {
        return read(reader.ids);
    }

    @Benchmark
    @Threads(1)
    public Object baseline(Reader reader) {
        return read(reader.ids);
    }

    @Override
    public final Object checkHeavenbase() {
        return read(new IdSequence(size, CHECK_SEED));
    }

    @Override
    public final Object checkBaseline() {
        return read(new IdSequence(size, CHECK_SEED));
    }

    private Object read(IdSequence ids) {
        return store().workspace().get(Items.ENTITY, ids.next()).orElseThrow();
    }
}
