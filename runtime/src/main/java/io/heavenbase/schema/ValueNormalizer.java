package io.heavenbase.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Checks a value against a {@link DType} and converts it to the type's canonical Java value. */
final class ValueNormalizer {

    /** Deeper JSON is almost certainly a cycle or an attack; it would also overflow recursive writers. */
    private static final int MAX_JSON_DEPTH = InputLimits.MAX_VALUE_DEPTH;

    private ValueNormalizer() {
    }

    static Object normalize(DType type, Object value, ValuePath at) {
        if (value == null) {
            return null;
        }
        switch (type.kind()) {
            case IDENTIFIER:
            case SHORT_TEXT:
            case MEDIUM_TEXT:
            case LONG_TEXT:
                return text(type, value, at);
            case CATEGORICAL:
                return categorical(type, value, at);
            case INTEGER:
                return integer(value, at);
            case FLOAT:
                return floating(value, at);
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw at.invalid("type", "Boolean expects true or false", value);
            case TIMESTAMP:
                return timestamp(value, at);
            case DATE:
                return date(value, at);
            case ARRAY:
                return array(type, value, at);
            case VECTOR:
                return vector(type, value, at);
            case JSON:
                return json(value, at, 0);
            case HYPERG:
                return hyperG(type, value, at);
            case ARTIFACT:
                return artifact(value, at);
            default:
                throw new IllegalStateException("unhandled kind " + type.kind());
        }
    }

    private static String text(DType type, Object value, ValuePath at) {
        if (value instanceof UUID) {
            // users of other stores key rows by UUID; it is stored as its canonical string form
            value = value.toString();
        }
        if (!(value instanceof String)) {
            throw at.invalid("type", type.kind().spelling() + " expects a String", value);
        }
        String text = (String) value;
        if (type.kind() == DType.Kind.IDENTIFIER && text.isEmpty()) {
            throw at.invalid("non_empty", "Identifier must not be empty", value);
        }
        checkStorable(text, at);
        if (text.length() > type.maxChars()) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints > type.maxChars()) {
                throw at.invalid("max_chars", type.kind().spelling() + " allows at most " + type.maxChars()
                        + " chars, got " + codePoints, value);
            }
        }
        return text;
    }

    /** Rejects what some stores cannot hold: see {@link StorableText}. */
    private static void checkStorable(String text, ValuePath at) {
        StorableText.Problem problem = StorableText.problem(text);
        if (problem != null) {
            throw at.invalid(problem.rule(), problem.reason(), text);
        }
    }

    private static String categorical(DType type, Object value, ValuePath at) {
        if (!(value instanceof String)) {
            throw at.invalid("type", "Categorical expects a String", value);
        }
        if (!type.categories().contains(value)) {
            throw at.invalid("categorical", "value must be one of " + type.categories(), value);
        }
        return (String) value;
    }

    private static Long integer(Object value, ValuePath at) {
        Long result = integralOrNull(value);
        if (result != null) {
            return result;
        }
        if (value instanceof Number) {
            throw at.invalid("integral", "Integer expects a whole number within the 64-bit range", value);
        }
        throw at.invalid("type", "Integer expects an integral Number", value);
    }

    /** The exact long value of an integral number in range, or null. */
    private static Long integralOrNull(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            boolean integral = d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
            return integral ? (long) d : null;
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (value instanceof Number) {
            try {
                return new BigDecimal(value.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double floating(Object value, ValuePath at) {
        if (!(value instanceof Number)) {
            throw at.invalid("type", "Float expects a Number", value);
        }
        double d = widened((Number) value);
        if (!Double.isFinite(d)) {
            throw at.invalid("finite", "Float must be finite (no NaN or Infinity)", value);
        }
        return d;
    }

    /**
     * The double value of a number, a Java {@code float} taken as the decimal it prints as: 1.23f is
     * 1.23, not its binary widening 1.2300000190734863, so it equals the filter value 1.23.
     */
    static double widened(Number number) {
        if (number instanceof Float) {
            float f = number.floatValue();
            return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f;
        }
        return number.doubleValue();
    }

    private static Instant timestamp(Object value, ValuePath at) {
        Instant instant;
        if (value instanceof Instant) {
            instant = (Instant) value;
        } else if (value instanceof OffsetDateTime) {
            instant = ((OffsetDateTime) value).toInstant();
        } else if (value instanceof ZonedDateTime) {
            instant = ((ZonedDateTime) value).toInstant();
        } else if (value instanceof Date) {
            // getTime(), not toInstant(): java.sql.Date.toInstant() throws
            instant = Instant.ofEpochMilli(((Date) value).getTime());
        } else if (value instanceof String) {
            try {
                instant = ZonedDateTime.parse(((String) value).strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw at.invalid("timestamp_format",
                        "Timestamp expects ISO-8601 with an offset, e.g. 2024-01-02T03:04:05Z", value);
            }
        } else if (value instanceof Number) {
            Long millis = integralOrNull(value);
            if (millis == null) {
                throw at.invalid("integral", "Timestamp as a number must be whole epoch milliseconds", value);
            }
            instant = Instant.ofEpochMilli(millis);
        } else {
            throw at.invalid("type", "Timestamp expects an Instant, an ISO-8601 string or epoch milliseconds", value);
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static LocalDate date(Object value, ValuePath at) {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof String) {
            try {
                return LocalDate.parse(((String) value).strip());
            } catch (DateTimeParseException e) {
                throw at.invalid("date_format", "Date expects yyyy-MM-dd, e.g. 2024-01-31", value);
            }
        }
        throw at.invalid("type", "Date expects a LocalDate or a yyyy-MM-dd string", value);
    }

    private static List<Object> array(DType type, Object value, ValuePath at) {
        List<?> elements = sequenceOrNull(value);
        if (elements == null) {
            throw at.invalid("type", type + " expects a List, Collection or array", value);
        }
        List<Object> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            if (element == null) {
                throw at.index(i).invalid("null_element", "Array elements must not be null", value);
            }
            out.add(normalize(type.element(), element, at.index(i)));
        }
        return Collections.unmodifiableList(out);
    }

    private static float[] vector(DType type, Object value, ValuePath at) {
        float[] out;
        if (value instanceof float[]) {
            out = ((float[]) value).clone();
        } else {
            List<?> elements = sequenceOrNull(value);
            if (elements == null) {
                throw at.invalid("type", type + " expects a float[], double[] or a list of numbers", value);
            }
            out = new float[elements.size()];
            for (int i = 0; i < out.length; i++) {
                Object element = elements.get(i);
                if (!(element instanceof Number)) {
                    throw at.index(i).invalid("type", "Vector components must be numbers", element);
                }
                out[i] = ((Number) element).floatValue();
            }
        }
        if (out.length != type.dimension()) {
            throw at.invalid("dimension", type + " expects exactly " + type.dimension() + " values, got "
                    + out.length, value);
        }
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                throw at.index(i).invalid("finite", "Vector components must be finite float values", value);
            }
        }
        return out;
    }

    private static Object json(Object value, ValuePath at, int depth) {
        if (depth > MAX_JSON_DEPTH) {
            throw at.invalid("json_depth", "Json is nested deeper than " + MAX_JSON_DEPTH + " levels", value);
        }
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String) {
            checkStorable((String) value, at);
            return value;
        }
        if (value instanceof Number) {
            return jsonNumber((Number) value, at);
        }
        if (value instanceof JsonNode) {
            return json(JsonNodes.MAPPER.convertValue(value, Object.class), at, depth);
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw at.invalid("json_key", "Json object keys must be strings", entry.getKey());
                }
                String key = (String) entry.getKey();
                checkStorable(key, at);
                out.put(key, json(entry.getValue(), at.key(key), depth + 1));
            }
            return out;
        }
        List<?> elements = sequenceOrNull(value);
        if (elements != null) {
            List<Object> out = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                out.add(json(elements.get(i), at.index(i), depth + 1));
            }
            return out;
        }
        throw at.invalid("json_value", "Json accepts maps with string keys, lists, strings, numbers, booleans and "
                + "null only, not " + value.getClass().getName(), value);
    }

    private static Number jsonNumber(Number number, ValuePath at) {
        if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            double d = widened(number);
            if (!Double.isFinite(d)) {
                throw at.invalid("finite", "Json numbers must be finite (no NaN or Infinity)", number);
            }
            return d;
        }
        Long integral = integralOrNull(number);
        if (integral != null) {
            return integral;
        }
        if (number instanceof BigInteger) {
            return number;
        }
        return floating(number, at);
    }

    private static List<Map<String, Object>> hyperG(DType type, Object value, ValuePath at) {
        List<?> items = sequenceOrNull(value);
        if (items == null) {
            throw at.invalid("type", "HyperG expects a list of maps (columns " + type.columns().keySet() + ")", value);
        }
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(Collections.unmodifiableMap(hyperGItem(type, items.get(i), at.index(i))));
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Object> hyperGItem(DType type, Object item, ValuePath at) {
        Map<String, DType> columns = type.columns();
        Map<String, Object> out = new LinkedHashMap<>();
        if (item instanceof Map) {
            Map<?, ?> given = (Map<?, ?>) item;
            for (Object key : given.keySet()) {
                if (!(key instanceof String) || !columns.containsKey(key)) {
                    throw at.invalid("hyperg_column", "unknown HyperG column '" + Names.shorten(key)
                            + "'; columns are " + columns.keySet(), item);
                }
            }
            columns.forEach((name, dtype) -> out.put(name, normalize(dtype, given.get(name), at.key(name))));
            return out;
        }
        List<?> positional = sequenceOrNull(item);
        if (positional == null) {
            throw at.invalid("type", "a HyperG item must be a map of columns " + columns.keySet()
                    + " or a list with one value per column", item);
        }
        if (positional.size() != columns.size()) {
            throw at.invalid("hyperg_arity", "a positional HyperG item needs " + columns.size() + " values "
                    + columns.keySet() + ", got " + positional.size(), item);
        }
        int i = 0;
        for (Map.Entry<String, DType> column : columns.entrySet()) {
            out.put(column.getKey(), normalize(column.getValue(), positional.get(i++), at.key(column.getKey())));
        }
        return out;
    }

    private static byte[] artifact(Object value, ValuePath at) {
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        }
        if (value instanceof String) {
            try {
                return Base64.getDecoder().decode(((String) value).strip());
            } catch (IllegalArgumentException e) {
                throw at.invalid("base64", "Artifact given as a String must be Base64", value);
            }
        }
        throw at.invalid("type", "Artifact expects a byte[], a ByteBuffer or a Base64 string", value);
    }

    /** The elements of a collection or Java array (primitive arrays boxed), or null for anything else. */
    private static List<?> sequenceOrNull(Object value) {
        if (value instanceof List) {
            return (List<?>) value;
        }
        if (value instanceof Collection) {
            return new ArrayList<>((Collection<?>) value);
        }
        if (value != null && value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(java.lang.reflect.Array.get(value, i));
            }
            return out;
        }
        return null;
    }

    /** Created on the first JsonNode value only: building a mapper loads hundreds of classes at start-up. */
    private static final class JsonNodes {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
