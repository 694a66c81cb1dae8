package io.heavenbase.backend.sql;

import io.heavenbase.schema.DType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How one dialect stores each logical type in a column and converts between canonical Java values
 * and JDBC values. The defaults keep every value in a form whose SQL ordering equals the engine's
 * ({@link io.heavenbase.query.ValueOrder}): Timestamp as epoch milliseconds, Date as ISO
 * {@code yyyy-MM-dd} text, Boolean as 0/1, Json, inline Array and HyperG as JSON text, Vector as a
 * little-endian float32 blob. Dialects override the type names and, where the database has a
 * better native type with the same ordering, the conversions.
 */
public class SqlTypeMapping {

    private SqlColumnTypes columnTable;

    /** DDL type of the {@code object_id} key column. */
    public String keyType() {
        return columnTable().key();
    }

    /** DDL type of an entity column holding the element count of a SideTable field (null when the value is null). */
    public String countType() {
        return columnTable().count();
    }

    /** DDL type of a column holding values of {@code dtype}. */
    public String columnType(DType dtype) {
        return columnTable().of(dtype);
    }

    private SqlColumnTypes columnTable() {
        // Built on first use rather than in the constructor: a subclass's table may read its own fields.
        if (columnTable == null) {
            columnTable = columns().build();
        }
        return columnTable;
    }

    /**
     * The column type of each kind: here the generic SQL types ({@link #textType}, BIGINT, DOUBLE PRECISION,
     * SMALLINT, VARCHAR(16) dates, {@link #jsonType}, {@link #binaryType}; keys VARCHAR(63), counts INTEGER); a dialect declares its own table or
     * states its differences from this one.
     */
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .text(dtype -> textType(dtype.maxChars()))
                .integer("BIGINT")
                .floating("DOUBLE PRECISION")
                .bool("SMALLINT")
                .date("VARCHAR(16)")
                .structured(dtype -> jsonType())
                .otherwise(dtype -> binaryType());
    }

    /** Text of at most {@code maxChars} characters. */
    protected String textType(int maxChars) {
        return "TEXT";
    }

    protected String jsonType() {
        return "TEXT";
    }

    protected String binaryType() {
        return "BLOB";
    }

    /** The JDBC parameter for a canonical value of {@code dtype} (also used for comparisons). */
    public SqlParam param(DType dtype, Object value) {
        if (value == null) {
            return SqlParam.nullOf(sqlType(dtype));
        }
        if (dtype.kind().isStringValued()) {
            return SqlParam.text((String) value);
        }
        switch (dtype.kind()) {
            case INTEGER:
            case FLOAT:
                return number((Number) value);
            case BOOLEAN:
                return SqlParam.integer(((Boolean) value) ? 1 : 0);
            case TIMESTAMP:
                return SqlParam.integer(((Instant) value).toEpochMilli());
            case DATE:
                return SqlParam.text(value.toString());
            case ARRAY:
            case JSON:
            case HYPERG:
                return SqlParam.text(JsonValues.write(dtype, value));
            case VECTOR:
                return SqlParam.bytes(VectorBlobs.encode((float[]) value));
            default:
                return SqlParam.bytes((byte[]) value);
        }
    }

    /** Reads column {@code column} as the canonical value of {@code dtype} (null for SQL NULL). */
    public Object read(ResultSet rows, int column, DType dtype, String entity, String field) throws SQLException {
        if (dtype.kind().isStringValued()) {
            return rows.getString(column);
        }
        switch (dtype.kind()) {
            case INTEGER: {
                long value = rows.getLong(column);
                return rows.wasNull() ? null : value;
            }
            case FLOAT: {
                double value = rows.getDouble(column);
                return rows.wasNull() ? null : value;
            }
            case BOOLEAN: {
                long value = rows.getLong(column);
                return rows.wasNull() ? null : value != 0;
            }
            case TIMESTAMP: {
                long value = rows.getLong(column);
                return rows.wasNull() ? null : Instant.ofEpochMilli(value);
            }
            case DATE: {
                String value = rows.getString(column);
                return value == null ? null : LocalDate.parse(value);
            }
            case ARRAY:
            case JSON:
            case HYPERG:
                return JsonValues.read(dtype, rows.getString(column), entity, field);
            case VECTOR: {
                byte[] value = rows.getBytes(column);
                return value == null ? null : VectorBlobs.decode(value);
            }
            default:
                return rows.getBytes(column);
        }
    }

    /** The {@link Types} constant used to bind NULL for {@code dtype}. */
    protected int sqlType(DType dtype) {
        switch (dtype.kind()) {
            case INTEGER:
            case TIMESTAMP:
                return Types.BIGINT;
            case FLOAT:
                return Types.DOUBLE;
            case BOOLEAN:
                return Types.SMALLINT;
            case VECTOR:
            case ARTIFACT:
                return Types.VARBINARY;
            default:
                return Types.VARCHAR;
        }
    }

    /** Longs stay exact, anything else compares as a double (a Float column or a fractional bound). */
    private static SqlParam number(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return SqlParam.integer(value.longValue());
        }
        return SqlParam.real(value.doubleValue());
    }

    /** A native BOOLEAN column's value, null for SQL NULL. */
    protected static Boolean readBoolean(ResultSet rows, int column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }

    /** The characters a text column of {@code dtype} holds: a Categorical fits its longest value and a ShortText. */
    protected static int textCapacity(DType dtype) {
        if (dtype.kind() != DType.Kind.CATEGORICAL) {
            return dtype.maxChars();
        }
        int longest = DType.SHORT_TEXT_MAX_CHARS;
        for (String category : dtype.categories()) {
            longest = Math.max(longest, category.codePointCount(0, category.length()));
        }
        return longest;
    }
}
