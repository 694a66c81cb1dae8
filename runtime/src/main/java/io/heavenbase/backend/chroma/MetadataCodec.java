package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.EpochNumbers;
import io.heavenbase.spi.support.JsonScalars;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical field values as Chroma metadata (which holds only strings, 64-bit integers, doubles and
 * booleans), driven by each field's {@link DType}, never by the data: text kinds as strings;
 * Integer as an integer; Float as a double; Boolean as a boolean; Timestamp as epoch milliseconds
 * and Date as epoch days (integers, so the server compares and ranges them natively); Vector as
 * base64 of little-endian float32 (an exact copy: Chroma's cosine space hands back renormalised
 * embeddings); Artifact as base64; Array, Json and HyperG as compact JSON text (timestamps and dates
 * inside as ISO-8601 strings). A null value is an absent key; writes send an explicit JSON null for
 * it because Chroma's upsert merges metadata and deletes only keys set to null.
 *
 * <p>Reserved keys contain a ':', which field names cannot: {@value #ID_KEY} repeats the object_id
 * so filters on it run in {@code where}, {@value #NO_VECTOR_KEY} marks rows stored with a zero
 * embedding because their indexed vector is null.
 */
record MetadataCodec(String backendName, EntityLayout layout, ObjectMapper json) {

    static final String ID_KEY = "hb:id";
    static final String NO_VECTOR_KEY = "hb:novec";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The metadata of a row: every layout field (null as JSON null), the id key and the no-vector mark. */
    ObjectNode encode(String objectId, Map<String, Object> row, StoredField indexedVector) {
        ObjectNode metadata = NODES.objectNode();
        for (StoredField field : layout.fields()) {
            Object value = row.get(field.name());
            metadata.set(field.name(), value == null ? NODES.nullNode() : encodeValue(field, value));
        }
        metadata.put(ID_KEY, objectId);
        if (indexedVector != null && row.get(indexedVector.name()) == null) {
            metadata.put(NO_VECTOR_KEY, true);
        } else {
            metadata.putNull(NO_VECTOR_KEY);
        }
        return metadata;
    }

    /** The canonical values of {@code fields} (those on this layout) in a stored metadata object, plus object_id. */
    Map<String, Object> decode(String objectId, JsonNode metadata, Collection<String> fields) {
        Map<String, Object> row = new HashMap<>();
        for (String name : fields) {
            StoredField field = layout.field(name);
            if (field != null) {
                JsonNode stored = metadata == null ? null : metadata.get(name);
                row.put(name, stored == null || stored.isNull() ? null : decodeValue(field, stored, objectId));
            }
        }
        row.put(Names.OBJECT_ID, objectId);
        return row;
    }

    /** Every layout field of a stored metadata object, plus object_id. */
    Map<String, Object> decodeAll(String objectId, JsonNode metadata) {
        List<String> names = new ArrayList<>();
        for (StoredField field : layout.fields()) {
            names.add(field.name());
        }
        return decode(objectId, metadata, names);
    }

    private JsonNode encodeValue(StoredField field, Object value) {
        DType dtype = field.dtype();
        if (dtype.kind().isScalar()) {
            return JsonScalars.encode(dtype.kind(), value);
        }
        switch (dtype.kind()) {
            case VECTOR:
                return NODES.textNode(vectorText((float[]) value));
            case ARTIFACT:
                return NODES.textNode(Base64.getEncoder().encodeToString((byte[]) value));
            default:
                return NODES.textNode(jsonText(field, value));
        }
    }

    private Object decodeValue(StoredField field, JsonNode stored, String objectId) {
        DType dtype = field.dtype();
        try {
            if (dtype.kind().isStringValued()) {
                return requireText(stored);
            }
            switch (dtype.kind()) {
                case INTEGER:
                    return requireIntegral(stored);
                case FLOAT:
                    if (!stored.isNumber()) {
                        throw new IllegalArgumentException("expected a number");
                    }
                    return stored.asDouble();
                case BOOLEAN:
                    if (!stored.isBoolean()) {
                        throw new IllegalArgumentException("expected a boolean");
                    }
                    return stored.asBoolean();
                case TIMESTAMP:
                case DATE:
                    return EpochNumbers.fromNumber(dtype.kind(), requireIntegral(stored));
                case VECTOR:
                    return vector(requireText(stored), dtype.dimension());
                case ARTIFACT:
                    return Base64.getDecoder().decode(requireText(stored));
                default:
                    Object parsed = json.readValue(requireText(stored), Object.class);
                    return dtype.normalize(parsed, layout.entityId(), field.name());
            }
        } catch (JsonProcessingException | IllegalArgumentException | HeavenBaseException e) {
            throw new BackendException(backendName, "read " + layout.entityId(), "field '" + field.name()
                    + "' of object '" + objectId + "' holds metadata that is not a " + dtype + ": "
                    + Names.shorten(stored), e);
        }
    }

    private static String requireText(JsonNode stored) {
        if (!stored.isTextual()) {
            throw new IllegalArgumentException("expected a string");
        }
        return stored.asText();
    }

    private static long requireIntegral(JsonNode stored) {
        if (!stored.isIntegralNumber() || !stored.canConvertToLong()) {
            throw new IllegalArgumentException("expected a 64-bit integer");
        }
        return stored.asLong();
    }

    private String jsonText(StoredField field, Object value) {
        try {
            return json.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new BackendException(backendName, "write " + layout.entityId(),
                    "field '" + field.name() + "' cannot be written as JSON", e);
        }
    }

    /** JSON-ready copy: instants and dates (inside Arrays and HyperG rows) as ISO-8601 strings. */
    private static Object plain(Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, item) -> out.put(String.valueOf(key), plain(item)));
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) value) {
                out.add(plain(item));
            }
            return out;
        }
        return value;
    }

    private static String vectorText(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float component : vector) {
            bytes.putFloat(component);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static float[] vector(String text, int dimension) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() != dimension * Float.BYTES) {
            throw new IllegalArgumentException("expected " + dimension + " float32 values");
        }
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
