package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemStore;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Read scaling on PostgreSQL: {@code ws.get} of pseudo-random ids over {@code size} rows, one
 * workspace (and its connection pool of 8) shared by every thread, from 4 threads vs from 1 thread.
 * JMH sums the throughput of all threads, so the ratio is the speed-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParallelReadsPostgres implements PairedBenchmark {

    static final String PREFIX = "hb_bench_reads_";

    @Param("100000")
    public int size;

    private PostgresItemStore store;
    private final AtomicLong seeds = new AtomicLong(100);

    /** Each thread reads its own id sequence. */
    @State(Scope.Thread)
    public static class Reader {
        IdSequence ids;

        @Setup(Level.Trial)
        public void setUp(ParallelReadsPostgres benchmark) {
            ids = new IdSequence(benchmark.size, benchmark.seeds.incrementAndGet());
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        store = new PostgresItemStore(PREFIX, size);
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
    public Object checkHeavenbase() {
        return read(new IdSequence(size, 5));
    }

    @Override
    public Object checkBaseline() {
        return read(new IdSequence(size, 5));
    }

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        store.close();
    }

    private Object read(IdSequence ids) {
        return store.workspace().get(Items.ENTITY, ids.next()).orElseThrow();
    }
}
