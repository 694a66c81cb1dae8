package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one JDBC transaction and always hands the connection back in auto-commit mode. */
public final class Transaction {

    private Transaction() {
    }

    /** Runs {@code work} in one transaction: commits on success, rolls back on any failure. */
    public static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            // Some drivers (sqlite-jdbc) open the next transaction eagerly and would keep the write
            // lock until auto-commit is switched back on.
            connection.setAutoCommit(true);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
