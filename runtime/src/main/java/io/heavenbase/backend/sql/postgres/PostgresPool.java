package io.heavenbase.backend.sql.postgres;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.heavenbase.backend.sql.AgroalPools;
import io.heavenbase.backend.sql.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The backend's own Agroal connection pool for a {@code url} (Agroal also runs outside Quarkus).
 * Connections open on demand up to the pool size and are validated after 30 idle seconds; batched
 * inserts are rewritten into multi-row statements ({@code reWriteBatchedInserts}, unless the URL
 * says otherwise). Only this class names Agroal types, so the providers load without Agroal.
 */
final class PostgresPool {

    static final String DRIVER = "org.postgresql.Driver";
    static final String POOL_CLASS = "io.agroal.pool.DataSource";

    private PostgresPool() {
    }

    /**
     * Connections from a new pool; {@code username} and {@code password} may be null (then the URL's
     * apply). One connection is opened at once, so a wrong URL or password fails here.
     */
    static ConnectionSource open(String url, String username, String password, int size) throws SQLException {
        return source(pool(url, username, password, size));
    }

    /** Connections from {@code pool}, which the source closes with itself. */
    static ConnectionSource source(AgroalDataSource pool) {
        return new PostgresConnectionSource(pool, pool);
    }

    /** A new pool, with metrics (cheap counters) so its activity can be observed. */
    static AgroalDataSource pool(String url, String username, String password, int size) throws SQLException {
        AgroalDataSource pool = AgroalPools.open(size, true, new PostgreSQLExceptionSorter(), username, password,
                // The class itself, not its name: Agroal would look the name up in its own loader.
                factory -> factory.connectionProviderClass(PostgresProvider.visibleClass(DRIVER)).jdbcUrl(url)
                        .jdbcProperty("reWriteBatchedInserts", "true")
                        .jdbcProperty("ApplicationName", "heavenbase"));
        try (Connection first = pool.getConnection()) {
            first.isValid(5);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }
}
