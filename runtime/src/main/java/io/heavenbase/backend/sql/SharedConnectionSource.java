package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection shared by every caller under a lock. Needed where each connection is its own
 * database (SQLite {@code :memory:}) or where the server allows a single session.
 */
public final class SharedConnectionSource implements ConnectionSource {

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    public SharedConnectionSource(Connection connection) {
        this.connection = connection;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            return Transaction.run(connection, work);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the connection is unusable either way.
        } finally {
            lock.unlock();
        }
    }
}
