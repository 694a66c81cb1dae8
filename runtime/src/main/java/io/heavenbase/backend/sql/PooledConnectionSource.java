package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer connection (writes are serialised, as an embedded single-writer database wants) and a
 * small pool of reader connections opened on demand, for embedded file databases such as SQLite in
 * WAL mode where readers never block the writer.
 */
public final class PooledConnectionSource implements ConnectionSource {

    private static final String CLOSED = "connection source is closed";

    private final ConnectionFactory writerFactory;
    private final ReaderPool readers;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Connection writer;
    private volatile boolean closed;

    /** Opens the writer connection now, so a bad database fails at once. */
    public PooledConnectionSource(ConnectionFactory writerFactory, ConnectionFactory readerFactory, int maxReaders)
            throws SQLException {
        this.writerFactory = writerFactory;
        this.readers = new ReaderPool(readerFactory, maxReaders, CLOSED);
        this.writer = writerFactory.open();
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return readers.read(work);
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            if (closed) {
                throw new SQLException(CLOSED);
            }
            if (writer.isClosed()) {
                writer = writerFactory.open();
            }
            return Transaction.run(writer, work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        readers.close();
        ReaderPool.closeQuietly(writer);
    }
}
