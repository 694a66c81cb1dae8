package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.DataSourceConnectionSource;
import io.heavenbase.backend.sql.SqlWork;
import io.heavenbase.backend.sql.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Connections from a {@link DataSource} (the backend's own pool or one handed over by Quarkus),
 * one per unit of work. Writes run in READ COMMITTED, where InnoDB takes no gap locks for the
 * delete-then-insert of side and word rows, and a write that still loses a deadlock or a lock
 * wait to another session or process is rolled back and run again (a few times, with a short
 * random pause), so concurrent application instances sharing one database both succeed. A
 * duplicate key is retried too: entity rows are upserted, so it only arises when two writers store
 * the same new id at once and the first commits its side or word rows while the second still
 * takes the id for new; the second attempt sees them and replaces them.
 * Connections of a foreign data source first get {@code max_sort_length} raised, so ORDER BY
 * compares long texts whole (the server default compares only their first 1024 bytes).
 */
final class MysqlConnectionSource extends DataSourceConnectionSource {

    /** {@code max_sort_length}'s largest value. */
    static final long MAX_SORT_LENGTH = 8_388_608;
    private static final int ATTEMPTS = 6;
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;

    private final boolean sessionPrepared;

    /**
     * @param sessionPrepared whether every connection of {@code dataSource} already has the session
     *        settings (the backend's own pool sets them at connect)
     * @param owned closed with this source (the backend's own pool), or null for a borrowed one
     */
    MysqlConnectionSource(DataSource dataSource, boolean sessionPrepared, AutoCloseable owned) {
        super(dataSource, owned);
        this.sessionPrepared = sessionPrepared;
    }

    /** A connection with the session settings (a foreign data source's get them here). */
    @Override
    protected Connection connection() throws SQLException {
        Connection connection = super.connection();
        if (sessionPrepared) {
            return connection;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sessionSettings());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = connection()) {
                int isolation = connection.getTransactionIsolation();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    return Transaction.run(connection, work);
                } finally {
                    connection.setTransactionIsolation(isolation);
                }
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(5_000_000L, 25_000_000L) * attempt);
            }
        }
    }

    /** The session settings every connection needs. */
    static String sessionSettings() {
        return "SET SESSION max_sort_length = " + MAX_SORT_LENGTH;
    }

    /** A deadlock, lock wait timeout or racing duplicate key: the write may simply be run again. */
    static boolean isTransient(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                SQLException sql = (SQLException) cause;
                int code = sql.getErrorCode();
                if (code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT || code == ER_DUP_ENTRY
                        || "40001".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
