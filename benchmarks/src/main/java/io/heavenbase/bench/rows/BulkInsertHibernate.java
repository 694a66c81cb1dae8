package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PostgresItemTable;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.data.Workspaces;
import io.heavenbase.bench.orm.HibernateBaseline;
import io.heavenbase.bench.orm.OrmBulkItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk write of new rows on PostgreSQL: {@code ws.upsertMany} on the postgres backend vs the
 * Hibernate ORM batch insert a Quarkus user writes (one transaction, {@code persist} per entity,
 * flush and clear every {@value HibernateBaseline#BATCH_SIZE} with JDBC batching of the same size)
 * into a table of the same column types. Before each operation (not timed) HeavenBase's tables are
 * dropped and registered again, and Hibernate's table is truncated.
 */
public class BulkInsertHibernate extends BulkUpsertBenchmark {

    static final String PREFIX = "hb_bench_ormbulk_";

    private Connection connection;
    private HibernateBaseline hibernate;

    @Override
    protected void beforeTrial() throws SQLException {
        connection = PostgresItemTable.connect(Services.postgresUrl());
        PostgresItemTable.recreate(connection, OrmBulkItem.PREFIX);
        hibernate = new HibernateBaseline(Services.postgresUrl(), OrmBulkItem.class);
    }

    @Override
    protected Workspace openEmptyWorkspace() {
        return Workspaces.fresh(Workspaces.postgres(PREFIX), Items.schema());
    }

    @Override
    protected void openEmptyBaseline() throws SQLException {
        PostgresItemTable.recreate(connection, OrmBulkItem.PREFIX);
    }

    @Override
    protected void write(List<Map<String, Object>> rows) {
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
    }

    @Override
    protected List<Object> stored(String id) {
        return hibernate.sessions().fromSession(session -> List.of(
                session.createSelectionQuery("select count(*) from OrmBulkItem", Long.class).getSingleResult(),
                Map.copyOf(session.find(OrmBulkItem.class, id).toRow())));
    }

    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            hibernate.close();
            PostgresItemTable.drop(connection, OrmBulkItem.PREFIX);
        } finally {
            Workspaces.drop(Workspaces.postgres(PREFIX), Items.schema());
        }
    }
}
