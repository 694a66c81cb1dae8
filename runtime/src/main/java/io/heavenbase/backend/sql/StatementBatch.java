package io.heavenbase.backend.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Adds rows to a prepared statement's batch and executes it every few hundred rows. */
final class StatementBatch {

    private static final int SIZE = 500;

    private final PreparedStatement statement;
    private int pending;

    StatementBatch(PreparedStatement statement) {
        this.statement = statement;
    }

    void add() throws SQLException {
        statement.addBatch();
        if (++pending == SIZE) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }
}
