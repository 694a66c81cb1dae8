package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrows a connection from a {@link DataSource} (a pool such as Agroal) per unit of work. A data source handed over
 * belongs to its creator and is not closed here; the backend's own pool is closed with this source. Server dialects
 * extend it to prepare connections or to retry writes.
 */
public class DataSourceConnectionSource implements ConnectionSource {

    private final DataSource dataSource;
    private final AutoCloseable owned;

    /** Connections of a data source that belongs to its creator. */
    public DataSourceConnectionSource(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param owned closed with this source (the backend's own pool), or null for a borrowed data source */
    protected DataSourceConnectionSource(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /** A connection for one unit of work, closed (given back) by the caller; as the data source gives it here. */
    protected Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = connection()) {
            return work.run(connection);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        try (Connection connection = connection()) {
            return Transaction.run(connection, work);
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
