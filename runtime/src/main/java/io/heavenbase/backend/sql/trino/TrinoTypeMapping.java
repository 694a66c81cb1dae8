package io.heavenbase.backend.sql.trino;

import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Trino columns for each logical type, limited to types every writable connector (Iceberg, Delta
 * Lake, Hive) accepts: unbounded VARCHAR for text kinds, keys, ISO dates and JSON text (Trino
 * compares VARCHAR by code point); BIGINT for Integer, Timestamp (epoch milliseconds) and the
 * side-table counts; DOUBLE; BOOLEAN; VARBINARY for Vector and Artifact. Trino does not coerce a
 * BIGINT into a narrower column on insert, so every integer column is BIGINT, matching the driver's
 * BIGINT literals.
 */
final class TrinoTypeMapping extends SqlTypeMapping {

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key("VARCHAR")
                .count("BIGINT")
                .otherwise("VARCHAR")
                .integer("BIGINT")
                .floating("DOUBLE")
                .bool("BOOLEAN")
                .kinds("VARBINARY", Kind.VECTOR, Kind.ARTIFACT);
    }

    @Override
    public SqlParam param(DType dtype, Object value) {
        if (dtype.kind() == DType.Kind.BOOLEAN) {
            return value == null ? SqlParam.nullOf(Types.BOOLEAN) : new BooleanValue((Boolean) value);
        }
        return super.param(dtype, value);
    }

    @Override
    public Object read(ResultSet rows, int column, DType dtype, String entity, String field) throws SQLException {
        if (dtype.kind() == DType.Kind.BOOLEAN) {
            return readBoolean(rows, column);
        }
        return super.read(rows, column, dtype, entity, field);
    }

    /** A BOOLEAN literal; Trino does not compare BOOLEAN with a number. */
    private record BooleanValue(Boolean value) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setBoolean(index, value);
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }
}
