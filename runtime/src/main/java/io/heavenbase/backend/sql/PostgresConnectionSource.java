package io.heavenbase.backend.sql;

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
 * all succeed. The connection of a failed write is discarded, not reused.
 */
final class PostgresConnectionSource implements ConnectionSource {

    private static final int ATTEMPTS = 6;
    private static final Set<String> RETRIED_STATES = Set.of("40P01", "40001");

    private final DataSource dataSource;
    private final AutoCloseable owned;

    /** @param owned closed with this source (the backend's own pool), or null for a borrowed data source */
    PostgresConnectionSource(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    return Transaction.run(connection, work);
                } catch (SQLException e) {
                    discard(connection);
                    throw e;
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
     * Keeps a connection whose write failed out of the pool: after an error inside a pipelined
     * batch, PGlite's socket server answers the next statement on that connection with a stale
     * response. The physical connection is closed, and one more call through the pool's wrapper
     * fails with SQLSTATE 08003, which a pool's exception sorter takes as fatal: the pool destroys
     * the connection when it is given back and opens a new one on demand. (Aborting the wrapper
     * instead would leak the pool slot: Agroal's wrapper then never returns the connection, and a
     * pool of n connections is exhausted after n failed writes, e.g. while a server restarts.)
     */
    private static void discard(Connection connection) {
        try {
            connection.unwrap(Connection.class).close();
            connection.getAutoCommit();
        } catch (SQLException expected) {
            // The closed connection failing is the point; the pool now knows it is broken.
        }
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (Exception ignored) {
            // Closing is best effort: the pool's connections are abandoned either way.
        }
    }
}
