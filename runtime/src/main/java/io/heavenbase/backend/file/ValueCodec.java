package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads one canonical value with Jackson's streaming API, driven by the field's
 * {@link DType} (never by guessing from the data), identically for JSON and CBOR.
 *
 * <p>Encoding: text kinds as strings; Integer as an integral number; Float as a number (always
 * finite); Boolean as a boolean; Timestamp as an
 * ISO-8601 instant string; Date as an ISO-8601 date string; Array as an array of its element
 * encoding; Vector as an array of 32-bit floats (CBOR float32, JSON shortest round-trip decimal);
 * Json as itself; HyperG as an array of objects keyed by column; Artifact as binary (base64 string
 * in JSON, byte string in CBOR). Decoded values pass {@link DType#normalize}, so a hand-edited
 * value that breaks its type is reported with its position instead of being loaded.
 */
final class ValueCodec {

    private ValueCodec() {
    }

    /** Writes a canonical value (null allowed) of {@code dtype}. */
    static void write(JsonGenerator out, DType dtype, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        if (dtype.kind().isStringValued()) {
            out.writeString(cast(value, String.class, dtype));
            return;
        }
        switch (dtype.kind()) {
            case INTEGER:
                out.writeNumber(cast(value, Number.class, dtype).longValue());
                break;
            case FLOAT:
                out.writeNumber(cast(value, Number.class, dtype).doubleValue());
                break;
            case BOOLEAN:
                out.writeBoolean(cast(value, Boolean.class, dtype));
                break;
            case TIMESTAMP:
                out.writeString(cast(value, Instant.class, dtype).toString());
                break;
            case DATE:
                out.writeString(cast(value, LocalDate.class, dtype).toString());
                break;
            case ARRAY:
                out.writeStartArray();
                for (Object element : cast(value, List.class, dtype)) {
                    write(out, dtype.element(), element);
                }
                out.writeEndArray();
                break;
            case VECTOR:
                float[] vector = cast(value, float[].class, dtype);
                out.writeStartArray();
                for (float component : vector) {
                    out.writeNumber(component);
                }
                out.writeEndArray();
                break;
            case JSON:
                writeJson(out, value);
                break;
            case HYPERG:
                writeHyperG(out, dtype, cast(value, List.class, dtype));
                break;
            case ARTIFACT:
                out.writeBinary(cast(value, byte[].class, dtype));
                break;
            default:
                throw new IllegalStateException("unhandled type " + dtype);
        }
    }

    /**
     * Reads the value starting at the parser's current token (which is left on the value's last
     * token) and returns it normalized; problems are reported at the value's position.
     */
    static Object read(JsonParser in, DType dtype, String entity, String field) throws IOException {
        JsonLocation start = in.currentTokenLocation();
        Object raw = readRaw(in, dtype, field);
        if (raw == null) {
            return null;
        }
        try {
            return dtype.normalize(raw, entity, field);
        } catch (ValidationException e) {
            throw new ContentException(start, e.getMessage());
        }
    }

    /** The next token, failing clearly at the end of the input. */
    static JsonToken next(JsonParser in) throws IOException {
        JsonToken token = in.nextToken();
        if (token == null) {
            throw new ContentException(in.currentLocation(), "unexpected end of file");
        }
        return token;
    }

    private static Object readRaw(JsonParser in, DType dtype, String field) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (dtype.kind().isStringValued()) {
            expect(in, token == JsonToken.VALUE_STRING, dtype, field, "a string");
            return in.getText();
        }
        switch (dtype.kind()) {
            case INTEGER:
                expect(in, token == JsonToken.VALUE_NUMBER_INT, dtype, field, "an integer");
                return in.getLongValue();
            case FLOAT:
                expect(in, token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, dtype,
                        field, "a number");
                return in.getDoubleValue();
            case BOOLEAN:
                expect(in, token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, dtype, field,
                        "true or false");
                return in.getBooleanValue();
            case TIMESTAMP:
                expect(in, token == JsonToken.VALUE_STRING, dtype, field, "an ISO-8601 instant string");
                try {
                    return Instant.parse(in.getText());
                } catch (DateTimeParseException e) {
                    throw mismatch(in, dtype, field, "an ISO-8601 instant such as 2024-01-31T12:00:00Z");
                }
            case DATE:
                expect(in, token == JsonToken.VALUE_STRING, dtype, field, "an ISO-8601 date string");
                try {
                    return LocalDate.parse(in.getText());
                } catch (DateTimeParseException e) {
                    throw mismatch(in, dtype, field, "an ISO-8601 date such as 2024-01-31");
                }
            case ARRAY:
                expect(in, token == JsonToken.START_ARRAY, dtype, field, "an array");
                List<Object> elements = new ArrayList<>();
                while (next(in) != JsonToken.END_ARRAY) {
                    elements.add(readRaw(in, dtype.element(), field));
                }
                return elements;
            case VECTOR:
                return readVector(in, dtype, field);
            case JSON:
                return readJson(in, field);
            case HYPERG:
                return readHyperG(in, dtype, field);
            case ARTIFACT:
                expect(in, token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_EMBEDDED_OBJECT, dtype,
                        field, "binary content (base64 in JSON)");
                return in.getBinaryValue();
            default:
                throw new IllegalStateException("unhandled type " + dtype);
        }
    }

    private static float[] readVector(JsonParser in, DType dtype, String field) throws IOException {
        expect(in, in.currentToken() == JsonToken.START_ARRAY, dtype, field, "an array of numbers");
        float[] values = new float[Math.max(dtype.dimension(), 0)];
        int size = 0;
        JsonToken token;
        while ((token = next(in)) != JsonToken.END_ARRAY) {
            expect(in, token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, dtype, field,
                    "a number");
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(4, size * 2));
            }
            values[size++] = readFloat(in);
        }
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    /** Reads a 32-bit float without a detour through double (which could round twice). */
    private static float readFloat(JsonParser in) throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            JsonParser.NumberTypeFP type = in.getNumberTypeFP();
            if (type == JsonParser.NumberTypeFP.FLOAT32 || type == JsonParser.NumberTypeFP.FLOAT16) {
                return in.getFloatValue();
            }
            if (type == JsonParser.NumberTypeFP.DOUBLE64) {
                return (float) in.getDoubleValue();
            }
        }
        return Float.parseFloat(in.getText());
    }

    private static void writeHyperG(JsonGenerator out, DType dtype, List<?> records) throws IOException {
        Map<String, DType> columns = dtype.columns();
        out.writeStartArray();
        for (Object item : records) {
            if (!(item instanceof Map)) {
                throw new IllegalArgumentException(dtype + " holds a " + describe(item) + " instead of a record");
            }
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) item).entrySet()) {
                String column = String.valueOf(entry.getKey());
                DType columnType = columns.get(column);
                if (columnType == null) {
                    throw new IllegalArgumentException(dtype + " has no column '" + column + "'");
                }
                out.writeFieldName(column);
                write(out, columnType, entry.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static List<Map<String, Object>> readHyperG(JsonParser in, DType dtype, String field) throws IOException {
        expect(in, in.currentToken() == JsonToken.START_ARRAY, dtype, field, "an array of records");
        Map<String, DType> columns = dtype.columns();
        List<Map<String, Object>> records = new ArrayList<>();
        while (next(in) != JsonToken.END_ARRAY) {
            expect(in, in.currentToken() == JsonToken.START_OBJECT, dtype, field, "a record object");
            Map<String, Object> record = new LinkedHashMap<>();
            while (next(in) == JsonToken.FIELD_NAME) {
                String column = in.currentName();
                DType columnType = columns.get(column);
                if (columnType == null) {
                    throw new ContentException(in.currentTokenLocation(),
                            "field '" + field + "' (" + dtype + ") has no column '" + column + "'");
                }
                next(in);
                record.put(column, readRaw(in, columnType, field));
            }
            records.add(record);
        }
        return records;
    }

    private static void writeJson(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String) {
            out.writeString((String) value);
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger) {
            out.writeNumber((BigInteger) value);
        } else if (value instanceof BigDecimal) {
            out.writeNumber((BigDecimal) value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("Json cannot hold the number " + number);
            }
            out.writeNumber(number);
        } else if (value instanceof Map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeJson(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object element : (List<?>) value) {
                writeJson(out, element);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("Json cannot hold a " + describe(value));
        }
    }

    private static Object readJson(JsonParser in, String field) throws IOException {
        JsonToken token = in.currentToken();
        switch (token) {
            case START_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                while (next(in) == JsonToken.FIELD_NAME) {
                    String key = in.currentName();
                    next(in);
                    object.put(key, readJson(in, field));
                }
                return object;
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                while (next(in) != JsonToken.END_ARRAY) {
                    array.add(readJson(in, field));
                }
                return array;
            case VALUE_STRING:
                return in.getText();
            case VALUE_NUMBER_INT:
                return in.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return in.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return in.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new ContentException(in.currentTokenLocation(),
                        "field '" + field + "' (Json) holds " + token + ", which is not a JSON value");
        }
    }

    private static void expect(JsonParser in, boolean condition, DType dtype, String field, String expected) {
        if (!condition) {
            throw mismatch(in, dtype, field, expected);
        }
    }

    private static ContentException mismatch(JsonParser in, DType dtype, String field, String expected) {
        return new ContentException(in.currentTokenLocation(),
                "field '" + field + "' (" + dtype + ") expects " + expected + ", found " + in.currentToken());
    }

    private static <T> T cast(Object value, Class<T> type, DType dtype) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(dtype + " cannot hold a " + describe(value));
        }
        return type.cast(value);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
