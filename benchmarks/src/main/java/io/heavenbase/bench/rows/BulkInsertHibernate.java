package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemStore;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.orm.HibernateBaseline;
import io.heavenbase.bench.orm.OrmBulkItem;
import java.sql.Connection;
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
 * Bulk write of {@code size} new rows on PostgreSQL: {@code ws.upsertMany} on the postgres backend
 * vs the Hibernate ORM batch insert a Quarkus user writes (one transaction, {@code persist} per
 * entity, flush and clear every {@value HibernateBaseline#BATCH_SIZE} with JDBC batching of the same
 * size) into a table of the same column types. Before each operation (not timed) HeavenBase's
 * tables are dropped and registered again, and Hibernate's table is truncated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BulkInsertHibernate implements PairedBenchmark {

    static final String PREFIX = "hb_bench_ormbulk_";

    @Param("100000")
    public int size;

    private List<Map<String, Object>> rows;
    private Workspace workspace;
    private HibernateBaseline hibernate;
    private Connection connection;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        rows = Items.rows(size);
        connection = PostgresItemTable.connect(Services.postgresUrl());
        PostgresItemTable.recreate(connection, OrmBulkItem.PREFIX);
        hibernate = new HibernateBaseline(Services.postgresUrl(), OrmBulkItem.class);
    }

    @Setup(Level.Invocation)
    public void freshStores() throws SQLException {
        workspace = PostgresItemStore.freshWorkspace(Services.postgresUrl(), PREFIX);
        workspace.register(Items.schema());
        PostgresItemTable.recreate(connection, OrmBulkItem.PREFIX);
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
    public Object baseline() {
        hibernate.sessions().inTransaction(session -> {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                OrmBulkItem item = new OrmBulkItem();
                item.fill(row);
                session.persist(item);
                if (++pending == HibernateBaseline.BATCH_SIZE) {
                    session.flush();
                    session.clear();
                    pending = 0;
                }
            }
        });
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
            String lastId = Items.id(size - 1);
            return hibernate.sessions().fromSession(session -> List.of(
                    session.createSelectionQuery("select count(*) from OrmBulkItem", Long.class).getSingleResult(),
                    Map.copyOf(session.find(OrmBulkItem.class, lastId).toRow())));
        } finally {
            closeStores();
        }
    }

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            hibernate.close();
            PostgresItemTable.drop(connection, OrmBulkItem.PREFIX);
        } finally {
            PostgresItemStore.freshWorkspace(Services.postgresUrl(), PREFIX).close();
        }
    }
}
