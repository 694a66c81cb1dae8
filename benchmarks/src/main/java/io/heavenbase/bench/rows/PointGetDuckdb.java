package io.heavenbase.bench.rows;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.DuckdbItemTable;
import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
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
 * Point get by id over {@code size} rows in DuckDB: {@code ws.get} on the duckdb backend (in-memory)
 * vs a raw prepared statement on an identical table in another in-memory database, loaded with the
 * same rows by the Appender (two in-memory databases cannot share a table), reading the same
 * pseudo-random ids in the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointGetDuckdb implements PairedBenchmark {

    private static final int LOAD_CHUNK = 10_000;

    @Param("100000")
    public int size;

    private Workspace workspace;
    private Connection connection;
    private PreparedStatement byId;
    private IdSequence ids;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        workspace = HeavenBase.open("bench", Map.of("main", Map.of("type", "duckdb")));
        workspace.register(Items.schema());
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            workspace.upsertMany(Items.ENTITY, Items.rows(from, Math.min(size, from + LOAD_CHUNK)));
        }
        connection = DuckdbItemTable.connectInMemory();
        DuckdbItemTable.recreate(connection);
        DuckdbItemTable.appendAll(connection, Items.rows(size));
        byId = connection.prepareStatement(DuckdbItemTable.BY_ID);
        ids = new IdSequence(size, 7);
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.get(Items.ENTITY, ids.next()).orElseThrow();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        return DuckdbItemTable.get(byId, ids.next());
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
        try (Connection opened = connection) {
            byId.close();
        } finally {
            workspace.close();
        }
    }
}
