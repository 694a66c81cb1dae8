package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer connection (writes are serialised, as an embedded single-writer database wants) and a
 * small pool of reader connections opened on demand, for embedded file databases such as SQLite in
 * WAL mode where readers never block the writer.
 */
public final class PooledConnectionSource implements ConnectionSource {

    private final ConnectionFactory writerFactory;
    private final ConnectionFactory readerFactory;
    private final Semaphore readPermits;
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final List<Connection> opened = new ArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private Connection writer;
    private volatile boolean closed;

    /** Opens the writer connection now, so a bad database fails at once. */
    public PooledConnectionSource(ConnectionFactory writerFactory, ConnectionFactory readerFactory, int maxReaders)
            throws SQLException {
        this.writerFactory = writerFactory;
        this.readerFactory = readerFactory;
        this.readPermits = new Semaphore(Math.max(1, maxReaders), true);
        this.writer = writerFactory.open();
        register(writer);
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        readPermits.acquireUninterruptibly();
        Connection connection = null;
        try {
            connection = borrowReader();
            return work.run(connection);
        } finally {
            if (connection != null) {
                idleReaders.offer(connection);
            }
            readPermits.release();
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            ensureOpen();
            if (writer.isClosed()) {
                writer = writerFactory.open();
                register(writer);
            }
            return Transaction.run(writer, work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (opened) {
            for (Connection connection : opened) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // Best effort: a connection that cannot be closed is abandoned.
                }
            }
            opened.clear();
        }
        idleReaders.clear();
    }

    private Connection borrowReader() throws SQLException {
        ensureOpen();
        Connection connection;
        while ((connection = idleReaders.poll()) != null) {
            if (!connection.isClosed()) {
                return connection;
            }
        }
        connection = readerFactory.open();
        register(connection);
        return connection;
    }

    private void register(Connection connection) {
        synchronized (opened) {
            opened.add(connection);
        }
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("connection source is closed");
        }
    }
}
