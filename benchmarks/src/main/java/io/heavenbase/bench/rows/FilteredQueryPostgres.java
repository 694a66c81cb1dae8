package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Services;
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
 * The filtered query of {@link FilteredQuerySqlite} on PostgreSQL ({@code HEAVENBASE_TEST_POSTGRES_URL}):
 * HeavenBase's postgres backend vs a raw prepared statement on the table it created. Runs once the
 * {@code postgres} backend type is in the build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilteredQueryPostgres implements PairedBenchmark {

    private static final int LOAD_CHUNK = 10_000;

    @Param("100000")
    public int size;

    private Workspace workspace;
    private Connection connection;
    private PreparedStatement filtered;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        String url = Services.postgresUrl();
        workspace = HeavenBase.open("bench", Map.of("main",
                Map.of("type", "postgres", "url", url, "prefix", PostgresItemTable.PREFIX)));
        workspace.drop();
        workspace.close();
        workspace = HeavenBase.open("bench", Map.of("main",
                Map.of("type", "postgres", "url", url, "prefix", PostgresItemTable.PREFIX)));
        workspace.register(Items.schema());
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            workspace.upsertMany(Items.ENTITY, Items.rows(from, Math.min(size, from + LOAD_CHUNK)));
        }
        connection = PostgresItemTable.connect(url);
        filtered = connection.prepareStatement(PostgresItemTable.FILTERED);
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.query(Items.ENTITY)
                .where(Filter.eq("category", nextCategory()))
                .where(Filter.gte("qty", FilteredQuerySqlite.MIN_QTY))
                .limit(FilteredQuerySqlite.LIMIT)
                .execute().rows();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        return PostgresItemTable.filtered(filtered, nextCategory(), FilteredQuerySqlite.MIN_QTY,
                FilteredQuerySqlite.LIMIT);
    }

    @Override
    public Object checkHeavenbase() {
        next = 3;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() throws SQLException {
        next = 3;
        return baseline();
    }

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            if (filtered != null) {
                filtered.close();
            }
        } finally {
            if (workspace != null) {
                workspace.drop();
                workspace.close();
            }
        }
    }

    private String nextCategory() {
        next = (next + 1) % Items.CATEGORIES;
        return Items.category(next);
    }
}
