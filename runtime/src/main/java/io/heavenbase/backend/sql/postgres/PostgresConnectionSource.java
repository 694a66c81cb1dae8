package io.heavenbase.backend.sql.postgres;

import io.heavenbase.HeavenBaseException;
import io.heavenbase.backend.sql.DataSourceConnectionSource;
import io.heavenbase.backend.sql.SqlWork;
import io.heavenbase.backend.sql.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Connections from a {@link DataSource} (the backend's own pool, or one handed over by Quarkus), one
 * per unit of work. A write that loses a deadlock or a serialization conflict to another session
 * or process (SQLSTATE {@code 40P01}, {@code 40001}) was rolled back whole, so it is run again, a few
 * times with a short random pause: application instances writing the same rows at the same moment
 * all succeed. A connection that broke during a write (SQLSTATE class {@code 08} or {@code 57P}, or
 * no longer valid) is discarded, not reused; after an ordinary error (a constraint violation, a
 * lost deadlock) the rolled-back connection goes back to the pool. PGlite's socket server answers
 * the statement after a failed batch with a stale response, so on PGlite every connection that
 * failed a write is discarded. A driver that fails with an unchecked exception (pgjdbc's protocol
 * state lost) gets its connection discarded too, and the failure becomes an {@link SQLException}.
 */
final class PostgresConnectionSource extends DataSourceConnectionSource {

    private static final int ATTEMPTS = 6;
    private static final Set<String> RETRIED_STATES = Set.of("40P01", "40001");

    private static final int VALIDATION_SECONDS = 2;

    /** Whether the server is PGlite; asked once, on the first write. */
    private volatile Boolean pglite;

    /** @param owned closed with this source (the backend's own pool), or null for a borrowed data source */
    PostgresConnectionSource(DataSource dataSource, AutoCloseable owned) {
        super(dataSource, owned);
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = connection()) {
                boolean discardEveryFailure = isPglite(connection);
                try {
                    return Transaction.run(connection, work);
                } catch (SQLException e) {
                    if (discardEveryFailure || isBroken(connection, e)) {
                        discard(connection);
                    }
                    throw e;
                } catch (HeavenBaseException e) {
                    throw e;
                } catch (RuntimeException e) {
                    discard(connection);
                    throw new SQLException("the PostgreSQL driver failed: " + e, "08006", e);
                }
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || e.getSQLState() == null || !RETRIED_STATES.contains(e.getSQLState())) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(5_000_000L, 25_000_000L) * attempt);
            }
        }
    }

    /**
     * Keeps a connection that broke during a write out of the pool (a PGlite connection that lost
     * track of its pipelined batch fails validation too). The physical connection is closed, and
     * one more call through the pool's wrapper fails with SQLSTATE 08003, which the pool's
     * exception sorter takes as fatal (the backend's own pool is configured with PostgreSQL's
     * sorter): the pool destroys the connection when it is given back and opens a new one on
     * demand. Neither aborting the wrapper (Agroal's wrapper then never returns the connection, so
     * a pool of n is exhausted after n failed writes) nor Agroal 3.0.1's {@code flush(INVALID)}
     * after the return (a pool of one then blocks the next acquisition) works.
     */
    private static void discard(Connection connection) {
        try {
            connection.unwrap(Connection.class).close();
            connection.getAutoCommit();
        } catch (SQLException expected) {
            // The closed connection failing is the point; the pool now knows it is broken.
        }
    }

    private static boolean isBroken(Connection connection, SQLException failure) {
        String state = failure.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return !connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }

    private boolean isPglite(Connection connection) throws SQLException {
        Boolean known = pglite;
        if (known == null) {
            known = PostgresBulkLoader.isPglite(connection);
            pglite = known;
        }
        return known;
    }
}
