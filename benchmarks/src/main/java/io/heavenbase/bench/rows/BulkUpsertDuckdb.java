package io.heavenbase.bench.rows;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.DuckdbItemTable;
import io.heavenbase.bench.data.Items;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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
 * Bulk upsert of {@code size} rows into an empty in-memory DuckDB database: {@code ws.upsertMany}
 * on the duckdb backend vs DuckDB's Appender into a table of the same column types in another
 * in-memory database. Each operation starts from a new, empty database (not timed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BulkUpsertDuckdb implements PairedBenchmark {

    @Param("100000")
    public int size;

    private List<Map<String, Object>> rows;
    private Workspace workspace;
    private Connection connection;

    @Setup(Level.Trial)
    public void setUp() {
        open(size);
    }

    @Override
    public void open(int size) {
        this.size = size;
        rows = Items.rows(size);
    }

    @Setup(Level.Invocation)
    public void freshStores() throws SQLException {
        workspace = HeavenBase.open("bench", Map.of("main", Map.of("type", "duckdb")));
        workspace.register(Items.schema());
        connection = DuckdbItemTable.connectInMemory();
        DuckdbItemTable.recreate(connection);
    }

    @TearDown(Level.Invocation)
    public void closeStores() throws SQLException {
        try (Connection opened = connection) {
            workspace.close();
        }
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.upsertMany(Items.ENTITY, rows).size();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        DuckdbItemTable.appendAll(connection, rows);
        return rows.size();
    }

    /** The row count and the last row as stored. */
    @Override
    public Object checkHeavenbase() throws Exception {
        freshStores();
        try {
            heavenbase();
            String lastId = Items.id(size - 1);
            return List.of(workspace.count(Items.ENTITY), Map.copyOf(workspace.get(Items.ENTITY, lastId).orElseThrow()));
        } finally {
            closeStores();
        }
    }

    @Override
    public Object checkBaseline() throws Exception {
        freshStores();
        try {
            baseline();
            try (PreparedStatement byId = connection.prepareStatement(DuckdbItemTable.BY_ID)) {
                return List.of(DuckdbItemTable.count(connection),
                        Map.copyOf(DuckdbItemTable.get(byId, Items.id(size - 1))));
            }
        } finally {
            closeStores();
        }
    }

    @TearDown(Level.Trial)
    @Override
    public void close() {
        rows = null;
    }
}
