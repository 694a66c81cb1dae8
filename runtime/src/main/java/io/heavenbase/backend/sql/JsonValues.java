package io.heavenbase.backend.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.PlainJson;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text for the values a SQL column keeps as JSON (Json, inline Array and HyperG, id lists).
 * Typed scalars are written in their sortable plain form (Timestamp as epoch millis, Date as ISO
 * text, Artifact as base64) and read back through {@link DType#normalize}, so a value read is
 * exactly the canonical value that was written. The text is read and written by {@link PlainJson}, which
 * keeps jackson-databind out of start-up.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** JSON text of a canonical value of {@code dtype}. */
    public static String write(DType dtype, Object value) {
        return toJson(plain(dtype, value));
    }

    /** The canonical value of {@code dtype} held in JSON {@code text}; text that is not JSON fails. */
    public static Object read(DType dtype, String text, String entity, String field) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return dtype.normalize(PlainJson.read(text), entity, field);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored value of " + entity + "." + field + " is not valid JSON", e);
        }
    }

    /** A JSON array of strings, e.g. a list of ids bound as one parameter. */
    public static String stringArray(Collection<String> values) {
        return toJson(new ArrayList<>(values));
    }

    /** The JSON-friendly form of a canonical value: no Instant, LocalDate, byte[] or float[] left. */
    static Object plain(DType dtype, Object value) {
        if (value == null) {
            return null;
        }
        switch (dtype.kind()) {
            case TIMESTAMP:
                return ((Instant) value).toEpochMilli();
            case DATE:
                return ((LocalDate) value).toString();
            case ARTIFACT:
                return Base64.getEncoder().encodeToString((byte[]) value);
            case VECTOR:
                return value;
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    out.add(plain(dtype.element(), element));
                }
                return out;
            }
            case HYPERG: {
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    ((Map<?, ?>) item).forEach((column, columnValue) -> {
                        DType columnType = dtype.columns().get(String.valueOf(column));
                        row.put(String.valueOf(column),
                                columnType == null ? columnValue : plain(columnType, columnValue));
                    });
                    out.add(row);
                }
                return out;
            }
            default:
                return value;
        }
    }

    private static String toJson(Object plain) {
        try {
            return PlainJson.write(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }
}
