package io.heavenbase.bench.rows;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import java.nio.file.Files;
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
 * Bulk upsert of {@code size} rows into an empty SQLite database file: {@code ws.upsertMany} vs a
 * raw JDBC batch of the same upsert statement in one transaction. One operation writes all rows,
 * so ops/s is batches per second. Each invocation starts from fresh, empty files (not timed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BulkUpsertSqlite implements PairedBenchmark {

    @Param("100000")
    public int size;

    private List<Map<String, Object>> rows;
    private ScratchDirectory scratch;
    private int round;
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
        scratch = new ScratchDirectory("bulk-sqlite");
    }

    /** Empty stores for the next operation: a new HeavenBase workspace file and a new raw file. */
    @Setup(Level.Invocation)
    public void freshStores() throws SQLException {
        round++;
        workspace = HeavenBase.open("bench", Map.of("main",
                Map.of("type", "sqlite", "database", scratch.resolve("heavenbase-" + round + ".db").toString())));
        workspace.register(Items.schema());
        connection = SqliteItemTable.connect(scratch.resolve("raw-" + round + ".db"));
        SqliteItemTable.create(connection);
    }

    @TearDown(Level.Invocation)
    public void closeStores() throws Exception {
        workspace.close();
        connection.close();
        for (String name : List.of("heavenbase-", "raw-")) {
            for (String suffix : List.of(".db", ".db-wal", ".db-shm")) {
                Files.deleteIfExists(scratch.resolve(name + round + suffix));
            }
        }
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.upsertMany(Items.ENTITY, rows).size();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        SqliteItemTable.upsertAll(connection, rows);
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
            try (PreparedStatement byId = connection.prepareStatement(SqliteItemTable.BY_ID)) {
                return List.of(SqliteItemTable.count(connection),
                        Map.copyOf(SqliteItemTable.get(byId, Items.id(size - 1))));
            }
        } finally {
            closeStores();
        }
    }

    @TearDown(Level.Trial)
    @Override
    public void close() {
        scratch.close();
    }
}
