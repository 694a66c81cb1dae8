package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements kept open per connection and reused by SQL text, for drivers that prepare
 * natively on every {@code prepareStatement} and cache nothing themselves (SQLite: compiling a
 * statement costs several times running a point read). Only for connections a
 * {@link ConnectionSource} owns for its whole life and lends to one caller at a time (so a
 * connection's statements are never used by two threads at once); a pooled server connection
 * whose wrapper closes its statements on return must not use it.
 *
 * <p>A cached statement is bound afresh on every use and its ResultSet closed after the last row
 * (which resets the statement, so it holds no lock and does not block schema changes); a statement
 * whose query failed is closed and dropped. Each connection keeps at most {@value #PER_CONNECTION} statements, least recently
 * used closed first. Entries are kept by connection identity until {@link #clear}; those of a connection
 * found closed are dropped when another connection is first used.
 *
 * <p>A disabled cache prepares and closes a statement per query, as plain JDBC does.
 */
final class StatementCache {

    static final int PER_CONNECTION = 64;

    /** Receives each row of a result. */
    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet result) throws SQLException;
    }

    private final boolean enabled;
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();

    StatementCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** Runs the query and hands every row to {@code handler}. */
    void forEachRow(Connection connection, BoundSql sql, RowHandler handler) throws SQLException {
        if (!enabled) {
            try (PreparedStatement statement = sql.prepare(connection)) {
                readRows(statement, handler);
            }
            return;
        }
        try {
            readRows(prepare(connection, sql), handler);
        } catch (SQLException | RuntimeException e) {
            forget(connection, sql.sql());
            throw e;
        }
    }

    private static void readRows(PreparedStatement statement, RowHandler handler) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                handler.row(result);
            }
        }
    }

    /** The statement for {@code sql} on {@code connection}, parameters bound; do not close it. */
    private PreparedStatement prepare(Connection connection, BoundSql sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        synchronized (byConnection) {
            statements = byConnection.get(connection);
            if (statements == null) {
                forgetClosedConnections();
                statements = new Lru();
                byConnection.put(connection, statements);
            }
        }
        PreparedStatement statement = statements.get(sql.sql());
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql.sql());
            statements.put(sql.sql(), statement);
        }
        try {
            statement.clearParameters();
            sql.bind(statement, 1);
            return statement;
        } catch (SQLException | RuntimeException e) {
            forget(connection, sql.sql());
            throw e;
        }
    }

    /** Closes and removes the statement for {@code sql}, e.g. after it failed. */
    private void forget(Connection connection, String sql) {
        Map<String, PreparedStatement> statements;
        synchronized (byConnection) {
            statements = byConnection.get(connection);
        }
        PreparedStatement statement = statements == null ? null : statements.remove(sql);
        closeQuietly(statement);
    }

    /**
     * Drops the entries of connections that are closed (a pooled source replaces a broken connection
     * by a new one); their statements closed with them. Runs only when a new connection appears.
     */
    private void forgetClosedConnections() {
        byConnection.keySet().removeIf(StatementCache::isClosed);
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** How many connections have statements kept. */
    int connections() {
        synchronized (byConnection) {
            return byConnection.size();
        }
    }

    /** Closes every cached statement. */
    void clear() {
        List<Map<String, PreparedStatement>> all;
        synchronized (byConnection) {
            all = new ArrayList<>(byConnection.values());
            byConnection.clear();
        }
        for (Map<String, PreparedStatement> statements : all) {
            statements.values().forEach(StatementCache::closeQuietly);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // A statement that cannot be closed dies with its connection.
        }
    }

    /** Access-ordered, closing the eldest statement beyond the bound. */
    private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
        private static final long serialVersionUID = 1L;

        Lru() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > PER_CONNECTION) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    }
}
