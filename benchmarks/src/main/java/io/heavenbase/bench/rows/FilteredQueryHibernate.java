package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.orm.HibernateBaseline;
import io.heavenbase.bench.orm.ItemColumns;
import io.heavenbase.bench.orm.OrmItem;
import java.sql.SQLException;
import java.util.List;

/**
 * The filtered query on PostgreSQL: HeavenBase's postgres backend vs the HQL query a Hibernate ORM /
 * Panache user writes for it on a JPA entity mapped to the same table
 * ({@code where category = :c and qty >= :q order by objectId}, 20 results), one session per query.
 * The id column is {@code text COLLATE "C"}, so both order by code point.
 */
public class FilteredQueryHibernate extends FilteredQueryBenchmark {

    private static final String QUERY = "from OrmItem where category = :category and qty >= :minQty order by objectId";

    private HibernateBaseline hibernate;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.postgres(OrmItem.PREFIX, size);
        hibernate = HibernateBaseline.onItems(store);
        return store;
    }

    @Override
    protected List<OrmItem> query(String category) {
        return hibernate.sessions().fromSession(session -> session.createSelectionQuery(QUERY, OrmItem.class)
                .setParameter("category", category)
                .setParameter("minQty", MIN_QTY)
                .setMaxResults(LIMIT)
                .getResultList());
    }

    @Override
    protected Object comparable(Object found) {
        return ((List<?>) found).stream().map(item -> ((ItemColumns) item).toRow()).toList();
    }
}
