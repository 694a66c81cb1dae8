package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.ReaderPool;
import io.heavenbase.backend.sql.SqlWork;
import io.heavenbase.backend.sql.Transaction;
import java.sql.SQLException;
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
    private static final String CLOSED = "the DuckDB connections are closed";

    private final DuckDBConnection writer;
    private final ReentrantLock writeLock;
    private final ReaderPool readers;
    private volatile boolean closed;

    DuckdbConnectionSource(DuckDBConnection writer, ReentrantLock writeLock) {
        this.writer = writer;
        this.writeLock = writeLock;
        this.readers = new ReaderPool(writer::duplicate, READERS, CLOSED);
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
            readers.close();
            ReaderPool.closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }
}
