package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Reader connections of an embedded database, opened on demand up to a bound and reused: a read waits (fairly) for
 * a free slot, takes an idle open connection or opens one, and gives it back when done. Used beside the single
 * writer connection of SQLite (WAL mode) and DuckDB, whose readers never block the writer.
 */
public final class ReaderPool implements AutoCloseable {

    private final ConnectionFactory factory;
    private final Semaphore permits;
    private final String closedMessage;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final List<Connection> opened = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param factory opens one reader connection
     * @param maxReaders how many reads run at once (at least one)
     * @param closedMessage the error of a read after {@link #close()}
     */
    public ReaderPool(ConnectionFactory factory, int maxReaders, String closedMessage) {
        this.factory = factory;
        this.permits = new Semaphore(Math.max(1, maxReaders), true);
        this.closedMessage = closedMessage;
    }

    /** Runs {@code work} on a reader connection (no transaction: each statement sees the latest commit). */
    public <T> T read(SqlWork<T> work) throws SQLException {
        permits.acquireUninterruptibly();
        Connection connection = null;
        try {
            connection = borrow();
            return work.run(connection);
        } finally {
            if (connection != null) {
                idle.offer(connection);
            }
            permits.release();
        }
    }

    /** Closes every reader connection; a later read fails with the closed message. */
    @Override
    public void close() {
        closed = true;
        synchronized (opened) {
            opened.forEach(ReaderPool::closeQuietly);
            opened.clear();
        }
        idle.clear();
    }

    /** Closes {@code connection}, ignoring a failure: the connection is unusable either way. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Best effort: a connection that cannot be closed is abandoned.
        }
    }

    private Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException(closedMessage);
        }
        Connection connection;
        while ((connection = idle.poll()) != null) {
            if (!connection.isClosed()) {
                return connection;
            }
        }
        connection = factory.open();
        synchronized (opened) {
            opened.add(connection);
        }
        return connection;
    }
}
