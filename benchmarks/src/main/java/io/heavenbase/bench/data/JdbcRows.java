package io.heavenbase.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The JDBC every raw write baseline shares, whatever its table: the DDL, a batched write in one
 * transaction and the read-back of what it stored. The table classes ({@link ItemJdbc}, {@link DocJdbc}) say only
 * how their columns are bound and read.
 */
public final class JdbcRows {

    /** Rows per JDBC batch of a write, the same as the backends' batches. */
    public static final int BATCH_SIZE = 500;

    private JdbcRows() {
    }

    /** Sets a row's values as the parameters of a write statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement, Map<String, Object> row) throws SQLException;
    }

    /** Reads the current row of a result as field name to typed value. */
    @FunctionalInterface
    public interface Reader {
        Map<String, Object> read(ResultSet result) throws SQLException;
    }

    /**
     * Executes {@code sql} once per row in batches of {@value #BATCH_SIZE} inside one transaction,
     * rolled back if a batch fails.
     */
    public static void writeInOneTransaction(Connection connection, String sql, List<Map<String, Object>> rows,
            Binder binder) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Executes these statements (DDL) in order, each committed on its own. */
    public static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The number of rows in {@code table} (quoted). */
    public static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * The row count of {@code table} (quoted) and its row with this id as an immutable map, in a list;
     * {@code byId} is the SELECT of one row with the id as its only parameter.
     */
    public static List<Object> countAndRow(Connection connection, String table, String byId, String id, Reader reader)
            throws SQLException {
        long count = count(connection, table);
        try (PreparedStatement statement = connection.prepareStatement(byId)) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row with object_id " + id + " in " + table);
                }
                return List.of(count, Map.copyOf(reader.read(result)));
            }
        }
    }
}
