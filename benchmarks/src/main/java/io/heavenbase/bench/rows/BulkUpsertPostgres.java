package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemStore;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Services;
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
 * Bulk upsert of {@code size} rows into empty tables on PostgreSQL: {@code ws.upsertMany} on the
 * postgres backend vs a raw JDBC batch (500 per batch, one transaction, {@code reWriteBatchedInserts}
 * as the backend's own pool sets it) of the same {@code INSERT ... ON CONFLICT} into a hand-made
 * table of the same column types. Before each operation (not timed) HeavenBase's tables are dropped
 * and registered again, and the raw table is truncated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BulkUpsertPostgres implements PairedBenchmark {

    static final String PREFIX = "hb_bench_bulk_";
    static final String RAW_PREFIX = "hb_bench_bulk_raw_";

    @Param("100000")
    public int size;

    private List<Map<String, Object>> rows;
    private Workspace workspace;
    private Connection connection;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        rows = Items.rows(size);
        connection = PostgresItemTable.connect(rawUrl());
    }

    @Setup(Level.Invocation)
    public void freshStores() throws SQLException {
        workspace = PostgresItemStore.freshWorkspace(Services.postgresUrl(), PREFIX);
        workspace.register(Items.schema());
        PostgresItemTable.recreate(connection, RAW_PREFIX);
    }

    @TearDown(Level.Invocation)
    public void closeStores() {
        workspace.close();
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.upsertMany(Items.ENTITY, rows).size();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        PostgresItemTable.upsertAll(connection, RAW_PREFIX, rows);
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
            try (PreparedStatement byId = connection.prepareStatement(PostgresItemTable.byId(RAW_PREFIX))) {
                return List.of(PostgresItemTable.count(connection, RAW_PREFIX),
                        Map.copyOf(PostgresItemTable.get(byId, Items.id(size - 1))));
            }
        } finally {
            closeStores();
        }
    }

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            PostgresItemTable.drop(connection, RAW_PREFIX);
        } finally {
            Workspace last = PostgresItemStore.freshWorkspace(Services.postgresUrl(), PREFIX);
            last.close();
        }
    }

    /** The test URL with the batch rewriting the backend's pool uses, unless the URL sets it. */
    static String rawUrl() {
        String url = Services.postgresUrl();
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
