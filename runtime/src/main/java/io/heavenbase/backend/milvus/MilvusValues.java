package io.heavenbase.backend.milvus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.EpochNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts canonical row values to the rows the Milvus SDK writes and back. Timestamps are Int64
 * epoch milliseconds, dates Int64 epoch days (so that ordering is exact for every date), Json and
 * HyperG JSON documents, vectors float lists with a presence flag. Values beyond what a Milvus
 * field holds (text longer than its byte limit, more array elements than its capacity) are
 * refused before anything is sent, naming entity and field.
 */
final class MilvusValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MilvusValues() {
    }

    /** The Milvus row of one canonical row part: every collection field is set (null when absent). */
    static JsonObject toRow(MilvusCollection collection, Map<String, Object> row) {
        JsonObject out = new JsonObject();
        String entity = collection.layout().entityId();
        Object id = row.get(Names.OBJECT_ID);
        if (!(id instanceof String text)) {
            throw new ValidationException(entity, Names.OBJECT_ID, "type",
                    "a row of entity '" + entity + "' has no String object_id (got " + Names.shorten(id) + ")");
        }
        out.add(Names.OBJECT_ID, text(entity, Names.OBJECT_ID, collection.column(Names.OBJECT_ID), text));
        for (StoredField field : collection.layout().fields()) {
            Object value = row.get(field.name());
            MilvusColumn column = collection.column(field.name());
            if (field.dtype().kind() == DType.Kind.VECTOR) {
                boolean present = value instanceof float[];
                out.add(field.name(), present ? floats((float[]) value) : placeholder(field.dtype().dimension()));
                out.addProperty(MilvusNames.presenceFlag(field.name()), present);
            } else {
                out.add(field.name(), value == null ? JsonNull.INSTANCE : value(entity, field.name(), column,
                        field.dtype(), value));
            }
        }
        if (collection.hasPlaceholder()) {
            out.add(MilvusNames.PLACEHOLDER_VECTOR, placeholder(MilvusNames.PLACEHOLDER_DIMENSION));
        }
        return out;
    }

    /**
     * The canonical values of a Milvus entity (as the SDK returns it) for the logical fields it
     * carries, with {@code object_id}; backend fields (flags, placeholder) are consumed.
     */
    static Map<String, Object> fromEntity(MilvusCollection collection, Map<String, Object> entity) {
        Map<String, Object> out = new HashMap<>();
        String entityId = collection.layout().entityId();
        out.put(Names.OBJECT_ID, String.valueOf(entity.get(Names.OBJECT_ID)));
        for (Map.Entry<String, Object> entry : entity.entrySet()) {
            StoredField field = collection.layout().field(entry.getKey());
            if (field == null) {
                continue;
            }
            if (field.dtype().kind() == DType.Kind.VECTOR
                    && Boolean.FALSE.equals(entity.get(MilvusNames.presenceFlag(field.name())))) {
                out.put(field.name(), null);
            } else {
                out.put(field.name(), canonical(entityId, field.name(), field.dtype(), entry.getValue()));
            }
        }
        return out;
    }

    private static JsonElement value(String entity, String field, MilvusColumn column, DType dtype, Object value) {
        switch (dtype.kind()) {
            case ARRAY:
                List<?> elements = (List<?>) value;
                if (elements.size() > column.maxCapacity()) {
                    throw new ValidationException(entity, field, "milvus_max_capacity", "field '" + field
                            + "' of entity '" + entity + "' has " + elements.size()
                            + " elements; a Milvus array holds at most " + column.maxCapacity());
                }
                JsonArray array = new JsonArray();
                for (Object element : elements) {
                    array.add(scalar(entity, field, column, dtype.element(), element));
                }
                return array;
            case JSON:
            case HYPERG:
                try {
                    return JsonParser.parseString(JSON.writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    throw new ValidationException(entity, field, "json", "field '" + field + "' of entity '" + entity
                            + "' cannot be written as JSON: " + e.getOriginalMessage());
                }
            default:
                return scalar(entity, field, column, dtype, value);
        }
    }

    private static JsonElement scalar(String entity, String field, MilvusColumn column, DType dtype, Object value) {
        switch (dtype.kind()) {
            case INTEGER:
                return new JsonPrimitive(((Number) value).longValue());
            case FLOAT:
                return new JsonPrimitive(((Number) value).doubleValue());
            case BOOLEAN:
                return new JsonPrimitive((Boolean) value);
            case TIMESTAMP:
            case DATE:
                try {
                    return new JsonPrimitive(EpochNumbers.toNumber(dtype.kind(), value));
                } catch (ArithmeticException e) {
                    throw new ValidationException(entity, field, "milvus_range", "field '" + field + "' of entity '"
                            + entity + "': " + value + " is beyond the epoch-millisecond range Milvus stores");
                }
            default:
                return text(entity, field, column, (String) value);
        }
    }

    private static JsonPrimitive text(String entity, String field, MilvusColumn column, String value) {
        int bytes = MilvusColumn.utf8Length(value);
        if (bytes > column.maxLength()) {
            throw new ValidationException(entity, field, "milvus_max_length", "field '" + field + "' of entity '"
                    + entity + "' is " + bytes + " bytes in UTF-8; the Milvus field holds at most " + column.maxLength()
                    + " bytes");
        }
        return new JsonPrimitive(value);
    }

    private static JsonArray floats(float[] vector) {
        JsonArray array = new JsonArray(vector.length);
        for (float component : vector) {
            array.add(component);
        }
        return array;
    }

    /** A unit vector along the first axis: stored for a null vector, never returned. */
    private static JsonArray placeholder(int dimension) {
        float[] unit = new float[dimension];
        unit[0] = 1f;
        return floats(unit);
    }

    private static Object canonical(String entity, String field, DType dtype, Object raw) {
        if (raw == null || raw instanceof JsonNull) {
            return null;
        }
        switch (dtype.kind()) {
            case VECTOR:
                List<?> components = (List<?>) raw;
                float[] vector = new float[components.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = ((Number) components.get(i)).floatValue();
                }
                return vector;
            case ARRAY:
                List<Object> elements = new ArrayList<>();
                for (Object element : (List<?>) raw) {
                    elements.add(canonical(entity, field, dtype.element(), element));
                }
                return List.copyOf(elements);
            case JSON:
            case HYPERG:
                String text = raw instanceof JsonElement element ? element.toString() : String.valueOf(raw);
                if (text.isEmpty() || text.equals("null")) {
                    return null;
                }
                try {
                    return dtype.normalize(JSON.readValue(text, Object.class), entity, field);
                } catch (JsonProcessingException e) {
                    throw new ValidationException(entity, field, "json", "field '" + field + "' of entity '" + entity
                            + "' holds invalid JSON in Milvus: " + e.getOriginalMessage());
                }
            case INTEGER:
                return ((Number) raw).longValue();
            case FLOAT:
                return ((Number) raw).doubleValue();
            case BOOLEAN:
                return raw;
            case TIMESTAMP:
            case DATE:
                return EpochNumbers.fromNumber(dtype.kind(), ((Number) raw).longValue());
            default:
                return String.valueOf(raw);
        }
    }
}
