package io.heavenbase.backend.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Adds rows to a prepared statement's batch and executes it every few hundred rows. */
public final class StatementBatch {

    private static final int SIZE = 500;

    private final PreparedStatement statement;
    private int pending;

    /** A batch over {@code statement}, whose parameters the caller sets before each {@link #add}. */
    public StatementBatch(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Adds the current parameters as one row, executing the batch when it is full. */
    public void add() throws SQLException {
        statement.addBatch();
        if (++pending == SIZE) {
            flush();
        }
    }

    /** Executes the rows added since the last execution, if any. */
    public void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }
}
