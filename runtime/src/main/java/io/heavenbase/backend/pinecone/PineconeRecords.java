package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.EpochNumbers;
import io.heavenbase.spi.support.Float64;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical rows to Pinecone records and back. Pinecone metadata holds strings, float64 numbers,
 * booleans and lists of strings, and no nulls, so:
 * <ul>
 * <li>null: the key is left out;</li>
 * <li>text kinds: strings; Integer, Float: numbers (integers beyond +/-2^53 are refused, a float64
 * cannot hold them exactly); Timestamp: epoch milliseconds; Date: epoch day; Boolean: boolean;</li>
 * <li>Array: a list of canonical strings ({@link #element}), an empty list recorded under
 * {@code _hb_empty};</li>
 * <li>Json, HyperG: a JSON string; Artifact: a Base64 string.</li>
 * </ul>
 * Metadata is limited to 40 KB per record by Pinecone; larger rows are refused before sending.
 */
final class PineconeRecords {

    /** Pinecone's metadata limit per record, in bytes. */
    static final int MAX_METADATA_BYTES = 40 * 1024;

    private final ObjectMapper json;

    PineconeRecords(ObjectMapper json) {
        this.json = json;
    }

    /** The upsert record of one row: id, values and metadata. */
    ObjectNode record(PineconePart part, int dimension, Map<String, Object> row) {
        String entity = part.layout().entityId();
        Object id = row.get(Names.OBJECT_ID);
        if (!(id instanceof String text)) {
            throw new ValidationException(entity, Names.OBJECT_ID, "type",
                    "a row of entity '" + entity + "' has no String object_id (got " + Names.shorten(id) + ")");
        }
        ObjectNode record = json.createObjectNode();
        record.put("id", text);
        ObjectNode metadata = json.createObjectNode();
        metadata.put(Names.OBJECT_ID, text);
        float[] vector = part.vector() == null ? null : (float[]) row.get(part.vector().name());
        ArrayNode values = record.putArray("values");
        if (vector != null) {
            for (float component : vector) {
                values.add(component);
            }
        } else {
            values.add(1f);
            for (int i = 1; i < dimension; i++) {
                values.add(0f);
            }
        }
        if (part.vector() != null) {
            metadata.put(PineconePart.HAS_VECTOR, vector != null);
        }
        ArrayNode empty = json.createArrayNode();
        for (StoredField field : part.layout().fields()) {
            Object value = row.get(field.name());
            if (value == null || field == part.vector()) {
                continue;
            }
            if (field.dtype().kind() == DType.Kind.ARRAY && ((List<?>) value).isEmpty()) {
                empty.add(field.name());
                continue;
            }
            metadata.set(field.name(), metadataValue(entity, field, value));
        }
        if (!empty.isEmpty()) {
            metadata.set(PineconePart.EMPTY_ARRAYS, empty);
        }
        int bytes = write(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_METADATA_BYTES) {
            throw new ValidationException(entity, null, "pinecone_metadata_size", "row '" + Names.shorten(text)
                    + "' of entity '" + entity + "' needs " + bytes + " bytes of Pinecone metadata; the limit is "
                    + MAX_METADATA_BYTES + " per record (place large fields on another backend)");
        }
        record.set("metadata", metadata);
        return record;
    }

    /** The canonical row of a record (id, values, metadata as Pinecone returns them). */
    Map<String, Object> row(PineconePart part, JsonNode record) {
        Map<String, Object> row = new HashMap<>();
        String id = record.path("id").asText();
        row.put(Names.OBJECT_ID, id);
        JsonNode metadata = record.path("metadata");
        Set<String> empty = new HashSet<>();
        for (JsonNode name : metadata.path(PineconePart.EMPTY_ARRAYS)) {
            empty.add(name.asText());
        }
        String entity = part.layout().entityId();
        for (StoredField field : part.layout().fields()) {
            if (field == part.vector()) {
                boolean present = metadata.path(PineconePart.HAS_VECTOR).asBoolean(false);
                row.put(field.name(), present && record.has("values") ? floats(record.path("values")) : null);
            } else if (empty.contains(field.name())) {
                row.put(field.name(), List.of());
            } else {
                JsonNode value = metadata.get(field.name());
                row.put(field.name(), value == null || value.isNull() ? null : canonical(entity, field, value));
            }
        }
        return row;
    }

    /**
     * The canonical string of an array element: text as is, integers in decimal, floats by
     * {@link Double#toString} with -0.0 written as 0.0 (equal values, one spelling), booleans as
     * {@code true}/{@code false}, timestamps as epoch milliseconds, dates as ISO dates.
     */
    static String element(DType elementType, Object value) {
        switch (elementType.kind()) {
            case INTEGER:
                return Long.toString(((Number) value).longValue());
            case FLOAT:
                double d = ((Number) value).doubleValue();
                return Double.toString(d == 0.0 ? 0.0 : d);
            case TIMESTAMP:
                return Long.toString(((Instant) value).toEpochMilli());
            default:
                return String.valueOf(value);
        }
    }

    private JsonNode metadataValue(String entity, StoredField field, Object value) {
        DType dtype = field.dtype();
        switch (dtype.kind()) {
            case INTEGER:
                return json.getNodeFactory().numberNode(exact(entity, field, ((Number) value).longValue()));
            case FLOAT:
                return json.getNodeFactory().numberNode(((Number) value).doubleValue());
            case BOOLEAN:
                return json.getNodeFactory().booleanNode((Boolean) value);
            case TIMESTAMP:
                long millis;
                try {
                    millis = ((Instant) value).toEpochMilli();
                } catch (ArithmeticException e) {
                    millis = Long.MAX_VALUE;
                }
                return json.getNodeFactory().numberNode(exact(entity, field, millis));
            case DATE:
                return json.getNodeFactory().numberNode(((LocalDate) value).toEpochDay());
            case ARRAY:
                ArrayNode list = json.createArrayNode();
                for (Object element : (List<?>) value) {
                    list.add(element(dtype.element(), element));
                }
                return list;
            case JSON:
            case HYPERG:
                return json.getNodeFactory().textNode(write(json.valueToTree(value)));
            case ARTIFACT:
                return json.getNodeFactory().textNode(Base64.getEncoder().encodeToString((byte[]) value));
            default:
                return json.getNodeFactory().textNode((String) value);
        }
    }

    private static long exact(String entity, StoredField field, long value) {
        if (!Float64.holds(value)) {
            throw new ValidationException(entity, field.name(), "pinecone_range", "field '" + field.name()
                    + "' of entity '" + entity + "': Pinecone stores numbers as float64, which cannot hold "
                    + value + " exactly (limit +/-2^53)");
        }
        return value;
    }

    private Object canonical(String entity, StoredField field, JsonNode value) {
        DType dtype = field.dtype();
        switch (dtype.kind()) {
            case INTEGER:
                return value.asLong();
            case FLOAT:
                return value.asDouble();
            case BOOLEAN:
                return value.asBoolean();
            case TIMESTAMP:
            case DATE:
                return EpochNumbers.fromNumber(dtype.kind(), value.asLong());
            case ARRAY:
                List<Object> elements = new ArrayList<>();
                for (JsonNode element : value) {
                    elements.add(fromElement(dtype.element(), element.asText()));
                }
                return List.copyOf(elements);
            case JSON:
            case HYPERG:
                try {
                    return dtype.normalize(json.readValue(value.asText(), Object.class), entity, field.name());
                } catch (JsonProcessingException e) {
                    throw new ValidationException(entity, field.name(), "json", "field '" + field.name()
                            + "' of entity '" + entity + "' holds invalid JSON in Pinecone: " + e.getOriginalMessage());
                }
            case ARTIFACT:
                return Base64.getDecoder().decode(value.asText());
            default:
                return value.asText();
        }
    }

    private static Object fromElement(DType elementType, String text) {
        switch (elementType.kind()) {
            case INTEGER:
                return Long.parseLong(text);
            case FLOAT:
                return Double.parseDouble(text);
            case BOOLEAN:
                return Boolean.parseBoolean(text);
            case TIMESTAMP:
                return Instant.ofEpochMilli(Long.parseLong(text));
            case DATE:
                return LocalDate.parse(text);
            default:
                return text;
        }
    }

    private static float[] floats(JsonNode values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return vector;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
