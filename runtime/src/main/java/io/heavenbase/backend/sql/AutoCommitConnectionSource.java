package io.heavenbase.backend.sql;

import java.sql.SQLException;

/**
 * Runs writes statement by statement in auto-commit mode, for databases whose JDBC writes cannot
 * join a multi-statement transaction: most Trino connectors accept writes only in auto-commit, and
 * StarRocks commits every load on its own. A write that fails part-way leaves the statements before
 * the failure applied; writing the same rows again repairs it, because every write is an upsert or
 * a delete by id.
 */
public final class AutoCommitConnectionSource implements ConnectionSource {

    private final ConnectionSource delegate;

    public AutoCommitConnectionSource(ConnectionSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return delegate.read(work);
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        return delegate.read(connection -> {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.run(connection);
        });
    }

    @Override
    public void close() {
        delegate.close();
    }
}
