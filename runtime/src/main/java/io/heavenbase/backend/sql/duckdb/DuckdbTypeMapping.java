package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.IntegerComparand;
import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DuckDB column types: VARCHAR for text (compared byte-wise, which on UTF-8 is code point order),
 * BIGINT for Integer and Timestamp (epoch milliseconds), DOUBLE, BOOLEAN, DATE, a LIST of the
 * element type for an inline Array ({@code VARCHAR[]}, {@code BIGINT[]}, ...), {@code FLOAT[n]} for
 * a Vector, JSON for Json and HyperG (kept as written), BLOB for Artifact. Parameters carry the
 * exact Java types the Appender takes for each column. An Integer compared with a fractional
 * operand is bound through {@link IntegerComparand}, so the comparison stays exact.
 */
final class DuckdbTypeMapping extends SqlTypeMapping {

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key("VARCHAR")
                .count("BIGINT")
                .text("VARCHAR")
                .integer("BIGINT")
                .floating("DOUBLE")
                .bool("BOOLEAN")
                .date("DATE")
                .structured("JSON")
                .kinds(dtype -> columnType(dtype.element()) + "[]", Kind.ARRAY)
                .kinds(dtype -> "FLOAT[" + dtype.dimension() + "]", Kind.VECTOR)
                .otherwise("BLOB");
    }

    @Override
    public SqlParam param(DType dtype, Object value) {
        if (value == null) {
            return super.param(dtype, null);
        }
        switch (dtype.kind()) {
            case INTEGER:
                return value instanceof Double || value instanceof Float
                        ? IntegerComparand.of(((Number) value).doubleValue()) : super.param(dtype, value);
            case BOOLEAN:
                return DuckdbParam.bool((Boolean) value);
            case DATE:
                return DuckdbParam.date(value instanceof LocalDate ? (LocalDate) value : LocalDate.parse(value.toString()));
            case ARRAY: {
                List<Object> elements = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    elements.add(element == null ? null : param(dtype.element(), element).value());
                }
                return DuckdbParam.list(elements, columnType(dtype.element()));
            }
            case VECTOR:
                return DuckdbParam.vector((float[]) value);
            default:
                return super.param(dtype, value);
        }
    }

    @Override
    public Object read(ResultSet rows, int column, DType dtype, String entity, String field) throws SQLException {
        switch (dtype.kind()) {
            case BOOLEAN:
                return readBoolean(rows, column);
            case DATE:
                // getObject(column) keeps the proleptic calendar; getObject(column, LocalDate.class) does not.
                return rows.getObject(column);
            case ARRAY: {
                Object[] elements = elements(rows, column);
                return elements == null ? null : dtype.normalize(Arrays.asList(elements), entity, field);
            }
            case VECTOR: {
                Object[] elements = elements(rows, column);
                if (elements == null) {
                    return null;
                }
                float[] vector = new float[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    vector[i] = ((Number) elements[i]).floatValue();
                }
                return vector;
            }
            default:
                return super.read(rows, column, dtype, entity, field);
        }
    }

    private static Object[] elements(ResultSet rows, int column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? null : (Object[]) array.getArray();
    }
}
