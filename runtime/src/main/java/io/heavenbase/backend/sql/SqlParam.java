package io.heavenbase.backend.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** A value bound to one {@code ?} of a statement; user values only ever reach SQL this way. */
public interface SqlParam {

    /** The JDBC value as bound (String, Long, Double, byte[] or null), for tests and diagnostics. */
    Object value();

    void bind(PreparedStatement statement, int index) throws SQLException;

    /**
     * The SQL text standing for this value in a condition: {@code ?} or an expression around
     * exactly one {@code ?} (e.g. a conversion into the column's binary collation).
     */
    default String placeholder() {
        return "?";
    }

    static SqlParam text(String value) {
        return value == null ? nullOf(Types.VARCHAR) : new Simple(value, Types.VARCHAR);
    }

    static SqlParam integer(long value) {
        return new Simple(value, Types.BIGINT);
    }

    static SqlParam real(double value) {
        return new Simple(value, Types.DOUBLE);
    }

    static SqlParam bytes(byte[] value) {
        return value == null ? nullOf(Types.VARBINARY) : new Simple(value, Types.VARBINARY);
    }

    /** SQL NULL of a {@link Types} type. */
    static SqlParam nullOf(int sqlType) {
        return new Simple(null, sqlType);
    }

    /** The plain JDBC kinds every driver understands. */
    record Simple(Object value, int sqlType) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            if (value == null) {
                statement.setNull(index, sqlType);
            } else if (value instanceof String) {
                statement.setString(index, (String) value);
            } else if (value instanceof Long) {
                statement.setLong(index, (Long) value);
            } else if (value instanceof Double) {
                statement.setDouble(index, (Double) value);
            } else {
                statement.setBytes(index, (byte[]) value);
            }
        }

        @Override
        public String toString() {
            return value instanceof byte[] ? "bytes[" + ((byte[]) value).length + "]" : String.valueOf(value);
        }
    }
}
