package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.IntegerComparand;
import io.heavenbase.backend.sql.JsonValues;
import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PostgreSQL column types. Text kinds, Identifier and Categorical are {@code text COLLATE "C"}
 * (byte order of UTF-8, which is code point order, whatever the database's collation); Integer
 * {@code bigint}; Float {@code double precision}; Boolean {@code boolean}; Timestamp
 * {@code timestamptz} (canonical Timestamps have millisecond precision, the column keeps
 * microseconds); Date {@code date}; Json and inline HyperG {@code json} (which keeps the text as
 * written; {@code jsonb} would reorder keys); Artifact {@code bytea}; Vector {@code real[]}.
 * An inline Array is a native array of its element type, Timestamp and Date elements as
 * {@code bigint} epoch milliseconds and epoch days (exact for every Java value, which the text
 * forms of {@code timestamptz} and {@code date} are not beyond year 9999). An Integer compared with
 * a fractional operand is bound through {@link IntegerComparand}, so the comparison stays exact.
 */
public class PostgresTypeMapping extends SqlTypeMapping {

    /** Text compared and ordered by code point. */
    static final String TEXT = "text COLLATE \"C\"";

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key(TEXT)
                .count("integer")
                .text(TEXT)
                .integer("bigint")
                .kinds("timestamptz", Kind.TIMESTAMP)
                .floating("double precision")
                .bool("boolean")
                .date("date")
                .structured("json")
                .kinds(dtype -> arrayType(dtype.element()), Kind.ARRAY)
                .kinds(this::vectorType, Kind.VECTOR)
                .otherwise("bytea");
    }

    /** The column type of a Vector field. */
    protected String vectorType(DType dtype) {
        return "real[]";
    }

    @Override
    public SqlParam param(DType dtype, Object value) {
        if (value == null) {
            return nullParam(dtype);
        }
        switch (dtype.kind()) {
            case INTEGER:
                return value instanceof Double || value instanceof Float
                        ? IntegerComparand.of(((Number) value).doubleValue())
                        : SqlParam.integer(((Number) value).longValue());
            case FLOAT:
                return SqlParam.real(((Number) value).doubleValue());
            case BOOLEAN:
                return PostgresParams.bool((Boolean) value);
            case TIMESTAMP:
                return PostgresParams.timestamp((Instant) value);
            case DATE:
                return PostgresParams.date((LocalDate) value);
            case ARRAY:
                return arrayParam(dtype.element(), (List<?>) value);
            case JSON:
            case HYPERG:
                return PostgresParams.untyped(JsonValues.write(dtype, value));
            case VECTOR:
                return vectorParam((float[]) value);
            default:
                return super.param(dtype, value);
        }
    }

    /** The parameter of a non-null vector. */
    protected SqlParam vectorParam(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return PostgresParams.array("float4", boxed);
    }

    /** One element of an inline Array as it is stored in the array column, for {@code = ANY(column)}. */
    SqlParam arrayElementParam(DType element, Object value) {
        Object stored = storedElement(element, value);
        if (stored instanceof Boolean) {
            return PostgresParams.bool((Boolean) stored);
        }
        if (stored instanceof String) {
            return SqlParam.text((String) stored);
        }
        return stored instanceof Long ? SqlParam.integer((Long) stored) : SqlParam.real(((Number) stored).doubleValue());
    }

    @Override
    public Object read(ResultSet rows, int column, DType dtype, String entity, String field) throws SQLException {
        switch (dtype.kind()) {
            case BOOLEAN:
                return readBoolean(rows, column);
            case TIMESTAMP: {
                OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
            case DATE:
                return rows.getObject(column, LocalDate.class);
            case ARRAY:
                return readArray(rows.getArray(column), dtype.element());
            case JSON:
            case HYPERG:
                return JsonValues.read(dtype, rows.getString(column), entity, field);
            case VECTOR:
                return readVector(rows, column);
            default:
                return super.read(rows, column, dtype, entity, field);
        }
    }

    /** Reads a Vector column. */
    protected Object readVector(ResultSet rows, int column) throws SQLException {
        Array array = rows.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] elements = (Object[]) array.getArray();
        float[] vector = new float[elements.length];
        for (int i = 0; i < elements.length; i++) {
            vector[i] = ((Number) elements[i]).floatValue();
        }
        return vector;
    }

    private SqlParam nullParam(DType dtype) {
        switch (dtype.kind()) {
            case BOOLEAN:
                return PostgresParams.nullOf(Types.BOOLEAN);
            case TIMESTAMP:
                return PostgresParams.nullOf(Types.TIMESTAMP_WITH_TIMEZONE);
            case DATE:
                return PostgresParams.nullOf(Types.DATE);
            case ARRAY:
            case JSON:
            case HYPERG:
            case VECTOR:
                return PostgresParams.untyped(null);
            default:
                return super.param(dtype, null);
        }
    }

    private static String arrayType(DType element) {
        switch (element.kind()) {
            case INTEGER:
            case TIMESTAMP:
            case DATE:
                return "bigint[]";
            case FLOAT:
                return "double precision[]";
            case BOOLEAN:
                return "boolean[]";
            default:
                return "text[] COLLATE \"C\"";
        }
    }

    private static SqlParam arrayParam(DType element, List<?> values) {
        Object[] stored = new Object[values.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = storedElement(element, values.get(i));
        }
        switch (element.kind()) {
            case INTEGER:
            case TIMESTAMP:
            case DATE:
                return PostgresParams.array("int8", stored);
            case FLOAT:
                return PostgresParams.array("float8", stored);
            case BOOLEAN:
                return PostgresParams.array("bool", stored);
            default:
                return PostgresParams.array("text", stored);
        }
    }

    /** An element as the array column holds it: String, Long, Double or Boolean. */
    private static Object storedElement(DType element, Object value) {
        switch (element.kind()) {
            case INTEGER:
                return ((Number) value).longValue();
            case FLOAT:
                return ((Number) value).doubleValue();
            case TIMESTAMP:
                return ((Instant) value).toEpochMilli();
            case DATE:
                return ((LocalDate) value).toEpochDay();
            default:
                return value;
        }
    }

    private static List<Object> readArray(Array array, DType element) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] stored = (Object[]) array.getArray();
        List<Object> values = new ArrayList<>(stored.length);
        for (Object value : stored) {
            switch (element.kind()) {
                case INTEGER:
                    values.add(((Number) value).longValue());
                    break;
                case FLOAT:
                    values.add(((Number) value).doubleValue());
                    break;
                case TIMESTAMP:
                    values.add(Instant.ofEpochMilli(((Number) value).longValue()));
                    break;
                case DATE:
                    values.add(LocalDate.ofEpochDay(((Number) value).longValue()));
                    break;
                default:
                    values.add(value);
            }
        }
        return Collections.unmodifiableList(values);
    }
}
