package io.heavenbase.bench.orm;

import io.agroal.api.AgroalDataSource;
import io.heavenbase.bench.data.AgroalPools;
import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.data.Services;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Plain Hibernate ORM (no Quarkus) on the benchmark's PostgreSQL, configured as a Quarkus
 * application would be: an Agroal pool, JDBC batching ({@value #BATCH_SIZE} per batch, ordered
 * inserts), no second-level cache, no schema generation (the tables exist), no SQL logging.
 */
public final class HibernateBaseline implements AutoCloseable {

    /** Rows per JDBC batch and per flush/clear of the bulk insert, the same as the raw JDBC batches. */
    public static final int BATCH_SIZE = 500;

    private final AgroalDataSource pool;
    private final SessionFactory sessions;

    public HibernateBaseline(String url, Class<?>... entities) throws SQLException {
        // Outside Quarkus the classpath routes JBoss Logging to a root logger at TRACE; Hibernate
        // asks isTraceEnabled() on hot paths, so keep it at the INFO a Quarkus app runs with.
        Logger.getLogger("org.hibernate").setLevel(Level.INFO);
        pool = AgroalPools.postgres(url, 8, true);
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE));
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        try {
            sessions = configuration.buildSessionFactory();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Hibernate mapping {@link OrmItem} on the items of {@code store} (written under its prefix), closed with the store. */
    public static HibernateBaseline onItems(ItemStore store) throws SQLException {
        return store.closing(new HibernateBaseline(Services.postgresUrl(), OrmItem.class));
    }

    public SessionFactory sessions() {
        return sessions;
    }

    @Override
    public void close() {
        try {
            sessions.close();
        } finally {
            pool.close();
        }
    }
}
