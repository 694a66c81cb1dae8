package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrows a connection from a {@link DataSource} (a pool such as Agroal) per unit of work. The data
 * source belongs to its creator and is not closed here.
 */
public final class DataSourceConnectionSource implements ConnectionSource {

    private final DataSource dataSource;

    public DataSourceConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Transaction.run(connection, work);
        }
    }

    @Override
    public void close() {
    }
}
