package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.SqliteItemStore;
import io.heavenbase.bench.data.SqliteItemTable;
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
 * Point get by id over {@code size} rows in a SQLite file: {@code ws.get} vs a raw prepared
 * statement on the same table, reading the same pseudo-random ids in the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointGetSqlite implements PairedBenchmark {

    @Param("100000")
    public int size;

    private SqliteItemStore store;
    private PreparedStatement byId;
    private IdSequence ids;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        store = new SqliteItemStore("get-sqlite", size);
        byId = store.connection().prepareStatement(SqliteItemTable.BY_ID);
        ids = new IdSequence(size, 7);
    }

    @Benchmark
    public Object heavenbase() {
        return store.workspace().get(Items.ENTITY, ids.next()).orElseThrow();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        return SqliteItemTable.get(byId, ids.next());
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
        byId.close();
        store.close();
    }
}
