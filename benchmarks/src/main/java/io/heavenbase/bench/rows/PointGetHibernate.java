package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.IdSequence;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemStore;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.orm.HibernateBaseline;
import io.heavenbase.bench.orm.OrmItem;
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
 * Point get by id over {@code size} rows on PostgreSQL: {@code ws.get} on the postgres backend vs
 * Hibernate ORM's {@code session.find} of a JPA entity mapped to the same table, one session per
 * get (as one request of a Quarkus app), so its first-level cache never answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointGetHibernate implements PairedBenchmark {

    @Param("100000")
    public int size;

    private PostgresItemStore store;
    private HibernateBaseline hibernate;
    private IdSequence ids;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        store = new PostgresItemStore(OrmItem.PREFIX, size);
        hibernate = new HibernateBaseline(Services.postgresUrl(), OrmItem.class);
        ids = new IdSequence(size, 7);
    }

    @Benchmark
    public Object heavenbase() {
        return store.workspace().get(Items.ENTITY, ids.next()).orElseThrow();
    }

    @Benchmark
    public OrmItem baseline() {
        String id = ids.next();
        return hibernate.sessions().fromSession(session -> session.find(OrmItem.class, id));
    }

    @Override
    public Object checkHeavenbase() {
        ids = new IdSequence(size, 7);
        return heavenbase();
    }

    @Override
    public Object checkBaseline() {
        ids = new IdSequence(size, 7);
        return baseline().toRow();
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
}
