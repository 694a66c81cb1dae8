package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemStore;
import io.heavenbase.bench.data.PostgresItemTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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

/**
 * Point get by id over {@code size} rows on PostgreSQL ({@code HEAVENBASE_TEST_POSTGRES_URL}):
 * {@code ws.get} on the postgres backend vs a raw prepared statement on the table it created,
 * reading the same pseudo-random ids in the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointGetPostgres implements PairedBenchmark {

    static final String PREFIX = "hb_bench_get_";

    @Param("100000")
    public int size;

    private PostgresItemStore store;
    private PreparedStatement byId;
    private IdSequence ids;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        store = new PostgresItemStore(PREFIX, size);
        byId = store.connection().prepareStatement(PostgresItemTable.byId(PREFIX));
        ids = new IdSequence(size, 7);
    }

    @Benchmark
    public Object heavenbase() {
        return store.workspace().get(Items.ENTITY, ids.next()).orElseThrow();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        return PostgresItemTable.get(byId, ids.next());
    }

    @Override
    public Object checkHeavenbase() {
        ids = new IdSequence(size, 7);
        return heavenbase();
    }

    @Override
    public Object checkBaseline() throws SQLException {
        ids = new IdSequence(size, 7);
        return baseline();
    }

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        try {
            byId.close();
        } finally {
            store.close();
        }
    }
}
