package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemStore;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.orm.HibernateBaseline;
import io.heavenbase.bench.orm.ItemColumns;
import io.heavenbase.bench.orm.OrmItem;
import java.sql.SQLException;
import java.util.List;
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
 * The filtered query of {@link FilteredQuerySqlite} on PostgreSQL: HeavenBase's postgres backend vs
 * the HQL query a Hibernate ORM / Panache user writes for it on a JPA entity mapped to the same table
 * ({@code where category = :c and qty >= :q order by objectId}, 20 results), one session per query.
 * The id column is {@code text COLLATE "C"}, so both order by code point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilteredQueryHibernate implements PairedBenchmark {

    private static final String QUERY = "from OrmItem where category = :category and qty >= :minQty order by objectId";

    @Param("100000")
    public int size;

    private PostgresItemStore store;
    private HibernateBaseline hibernate;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        store = new PostgresItemStore(OrmItem.PREFIX, size);
        hibernate = new HibernateBaseline(Services.postgresUrl(), OrmItem.class);
    }

    @Benchmark
    public Object heavenbase() {
        return store.workspace().query(Items.ENTITY)
                .where(Filter.eq("category", nextCategory()))
                .where(Filter.gte("qty", FilteredQuerySqlite.MIN_QTY))
                .limit(FilteredQuerySqlite.LIMIT)
                .execute().rows();
    }

    @Benchmark
    public List<OrmItem> baseline() {
        String category = nextCategory();
        return hibernate.sessions().fromSession(session -> session.createSelectionQuery(QUERY, OrmItem.class)
                .setParameter("category", category)
                .setParameter("minQty", FilteredQuerySqlite.MIN_QTY)
                .setMaxResults(FilteredQuerySqlite.LIMIT)
                .getResultList());
    }

    @Override
    public Object checkHeavenbase() {
        next = 3;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() {
        next = 3;
        return baseline().stream().map(ItemColumns::toRow).toList();
    }

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        try {
            hibernate.close();
        } finally {
            store.close();
        }
    }

    private String nextCategory() {
        next = (next + 1) % Items.CATEGORIES;
        return Items.category(next);
    }
}
