package io.heavenbase.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from plain Java values: {@code Map<String, ?>}, lists, strings, numbers, booleans,
 * {@code float[]} and null. It gives the same text and the same values as a default Jackson
 * {@code ObjectMapper} ({@code writeValueAsString}, {@code readValue(text, Object.class)}) but runs on
 * jackson-core's streaming API: creating an {@code ObjectMapper} loads several hundred databind classes,
 * which showed up in the start-up time of every application. A value outside the plain model is still
 * written by an {@code ObjectMapper}, created on first such use.
 */
public final class PlainJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PlainJson() {
    }

    /** The JSON text of {@code value}, exactly as a default {@code ObjectMapper} writes it. */
    public static String write(Object value) throws JsonProcessingException {
        if (!isPlain(value)) {
            return Databind.MAPPER.writeValueAsString(value);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(generator, value);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    /**
     * The value held in JSON {@code text}, exactly as {@code ObjectMapper.readValue(text, Object.class)} reads it:
     * objects as {@code LinkedHashMap} (a repeated key keeps its last value), arrays as {@code ArrayList},
     * integers as the smallest of {@code Integer}, {@code Long}, {@code BigInteger}, other numbers as
     * {@code Double}. Like the mapper, it reads the first value and ignores what follows it.
     */
    public static Object read(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonParseException(parser, "No content to map due to end-of-input");
            }
            return readValue(parser, first);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    if (next != JsonToken.FIELD_NAME) {
                        throw unexpected(parser, next);
                    }
                    String name = parser.currentName();
                    object.put(name, readValue(parser, required(parser, parser.nextToken())));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = required(parser, parser.nextToken()); next != JsonToken.END_ARRAY;
                        next = required(parser, parser.nextToken())) {
                    array.add(readValue(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw unexpected(parser, token);
        }
    }

    private static JsonToken required(JsonParser parser, JsonToken token) throws JsonParseException {
        if (token == null) {
            throw new JsonParseException(parser, "Unexpected end-of-input");
        }
        return token;
    }

    private static JsonParseException unexpected(JsonParser parser, JsonToken token) {
        return new JsonParseException(parser, "Unexpected token " + token);
    }

    /** Whether every node of {@code value} is one the streaming writer handles the way the mapper does. */
    private static boolean isPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof float[]
                || isPlainNumber(value)) {
            return true;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                if (!isPlain(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isPlainNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof BigInteger || value instanceof BigDecimal;
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String) {
            generator.writeString((String) value);
        } else if (value instanceof Boolean) {
            generator.writeBoolean((Boolean) value);
        } else if (value instanceof Integer) {
            generator.writeNumber((Integer) value);
        } else if (value instanceof Long) {
            generator.writeNumber((Long) value);
        } else if (value instanceof Double) {
            generator.writeNumber((Double) value);
        } else if (value instanceof Float) {
            generator.writeNumber((Float) value);
        } else if (value instanceof Short) {
            generator.writeNumber((Short) value);
        } else if (value instanceof BigInteger) {
            generator.writeNumber((BigInteger) value);
        } else if (value instanceof BigDecimal) {
            generator.writeNumber((BigDecimal) value);
        } else if (value instanceof float[]) {
            float[] vector = (float[]) value;
            generator.writeStartArray(vector, vector.length);
            for (float component : vector) {
                generator.writeNumber(component);
            }
            generator.writeEndArray();
        } else if (value instanceof Map) {
            generator.writeStartObject(value);
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else {
            generator.writeStartArray(value);
            for (Object element : (Collection<?>) value) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        }
    }

    /** The full mapper, created only when a value outside the plain model is written. */
    private static final class Databind {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
