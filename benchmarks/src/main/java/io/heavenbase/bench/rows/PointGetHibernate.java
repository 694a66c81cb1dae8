package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.orm.HibernateBaseline;
import io.heavenbase.bench.orm.OrmItem;
import java.sql.SQLException;

/**
 * Point get by id on PostgreSQL: {@code ws.get} on the postgres backend vs Hibernate ORM's
 * {@code session.find} of a JPA entity mapped to the same table, one session per get (as one
 * request of a Quarkus app), so its first-level cache never answers.
 */
public class PointGetHibernate extends PointGetBenchmark {

    private HibernateBaseline hibernate;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.postgres(OrmItem.PREFIX, size);
        hibernate = HibernateBaseline.onItems(store);
        return store;
    }

    @Override
    protected OrmItem get(String id) {
        return hibernate.sessions().fromSession(session -> session.find(OrmItem.class, id));
    }

    @Override
    protected Object comparable(Object found) {
        return ((OrmItem) found).toRow();
    }
}
