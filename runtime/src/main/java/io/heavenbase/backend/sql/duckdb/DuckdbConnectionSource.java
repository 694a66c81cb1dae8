package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.SqlWork;
import io.heavenbase.backend.sql.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * Connections to one DuckDB database: a writer connection used under a write lock and up to four
 * reader connections duplicated from it (same database instance; DuckDB's MVCC lets them read
 * while a write runs). The write lock is shared by every source on the same database file in this
 * JVM, because DuckDB aborts concurrent transactions that touch the same rows or tables instead of
 * making them wait.
 */
final class DuckdbConnectionSource implements ConnectionSource {

    private static final int READERS = 4;

    private final DuckDBConnection writer;
    private final ReentrantLock writeLock;
    private final Semaphore readPermits = new Semaphore(READERS, true);
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final List<Connection> readers = new ArrayList<>();
    private volatile boolean closed;

    DuckdbConnectionSource(DuckDBConnection writer, ReentrantLock writeLock) {
        this.writer = writer;
        this.writeLock = writeLock;
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
            return Transaction.run(writer, work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
            synchronized (readers) {
                readers.forEach(DuckdbConnectionSource::closeQuietly);
                readers.clear();
            }
            idleReaders.clear();
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private Connection borrowReader() throws SQLException {
        ensureOpen();
        Connection connection = idleReaders.poll();
        if (connection != null) {
            return connection;
        }
        connection = writer.duplicate();
        synchronized (readers) {
            readers.add(connection);
        }
        return connection;
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the DuckDB connections are closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the connection is unusable either way.
        }
    }
}
