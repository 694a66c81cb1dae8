package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.bench.PairedBenchmark;
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
 * A filtered query returning 20 whole rows ({@code category = ? AND qty >= 50}, by object_id) over
 * {@code size} rows in a SQLite file: {@code ws.query(...).where(...).limit(20)} vs a raw prepared
 * statement on the same table, cycling through the categories in the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilteredQuerySqlite implements PairedBenchmark {

    static final int LIMIT = 20;
    static final long MIN_QTY = 50;

    @Param("100000")
    public int size;

    private SqliteItemStore store;
    private PreparedStatement filtered;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        store = new SqliteItemStore("query-sqlite", size);
        filtered = store.connection().prepareStatement(SqliteItemTable.FILTERED);
    }

    @Benchmark
    public Object heavenbase() {
        return store.workspace().query(Items.ENTITY)
                .where(Filter.eq("category", nextCategory()))
                .where(Filter.gte("qty", MIN_QTY))
                .limit(LIMIT)
                .execute().rows();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        return SqliteItemTable.filtered(filtered, nextCategory(), MIN_QTY, LIMIT);
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
        filtered.close();
        store.close();
    }

    private String nextCategory() {
        next = (next + 1) % Items.CATEGORIES;
        return Items.category(next);
    }
}
