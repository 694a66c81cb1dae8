package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** SQL text with its parameters in {@code ?} order. */
public record BoundSql(String sql, List<SqlParam> params) {

    public BoundSql {
        params = List.copyOf(params);
    }

    public static BoundSql of(String sql, SqlParam... params) {
        return new BoundSql(sql, List.of(params));
    }

    /** The bound values, for assertions and diagnostics. */
    public List<Object> values() {
        return params.stream().map(SqlParam::value).toList();
    }

    /** Prepares the statement and binds every parameter; the caller closes it. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, 1);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Binds the parameters starting at {@code firstIndex}; returns the next free index. */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (SqlParam param : params) {
            param.bind(statement, index++);
        }
        return index;
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
