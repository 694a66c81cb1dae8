package io.heavenbase.backend.sql;

import java.sql.SQLException;

/**
 * Lends JDBC connections to a {@link SqlBackend}. Reads may run concurrently; every write runs as
 * one transaction (committed when the work returns, rolled back when it throws).
 */
public interface ConnectionSource extends AutoCloseable {

    /** Runs read-only work in auto-commit mode. */
    <T> T read(SqlWork<T> work) throws SQLException;

    /** Runs work in one transaction. */
    <T> T write(SqlWork<T> work) throws SQLException;

    /** Releases every connection this source opened (a borrowed DataSource is left open). */
    @Override
    void close();
}
