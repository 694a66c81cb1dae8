package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.SqlParam;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;

/**
 * The PostgreSQL parameter kinds beyond {@link SqlParam}'s plain ones: booleans, {@code timestamptz}
 * and {@code date} values, arrays, and text the server converts to the column's own type
 * ({@code json}, {@code vector}).
 */
final class PostgresParams {

    private PostgresParams() {
    }

    static SqlParam bool(boolean value) {
        return new Typed(value, Types.BOOLEAN);
    }

    /** A {@code timestamptz} at UTC. */
    static SqlParam timestamp(Instant value) {
        return new Typed(OffsetDateTime.ofInstant(value, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static SqlParam date(LocalDate value) {
        return new Typed(value, Types.DATE);
    }

    /** SQL NULL of a {@link Types} type. */
    static SqlParam nullOf(int sqlType) {
        return new Typed(null, sqlType);
    }

    /**
     * Text sent without a type, so the server parses it as whatever the statement needs there: a
     * {@code json} or {@code vector} column in an INSERT, or the type of an explicit cast.
     */
    static SqlParam untyped(String text) {
        return new Untyped(text);
    }

    /** An array of a PostgreSQL element type ({@code text}, {@code int8}, ...); elements are never null. */
    static SqlParam array(String elementType, Object[] elements) {
        return new Array(elementType, elements);
    }

    static SqlParam textArray(Collection<String> values) {
        return array("text", values.toArray(new String[0]));
    }

    /** A value bound with {@code setObject} and its JDBC type (the driver maps java.time types). */
    record Typed(Object value, int sqlType) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            if (value == null) {
                statement.setNull(index, sqlType);
            } else if (value instanceof Boolean) {
                statement.setBoolean(index, (Boolean) value);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** Text of unspecified type ({@link Types#OTHER}); the server infers the type from the context. */
    record Untyped(String value) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.OTHER);
            } else {
                statement.setObject(index, value, Types.OTHER);
            }
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** A server-side array built by the driver from Java elements. */
    record Array(String elementType, Object[] value) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setArray(index, statement.getConnection().createArrayOf(elementType, value));
        }

        @Override
        public String toString() {
            return elementType + Arrays.toString(value);
        }
    }
}
