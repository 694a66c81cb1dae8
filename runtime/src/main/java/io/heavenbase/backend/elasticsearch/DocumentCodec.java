package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.EpochNumbers;
import io.heavenbase.spi.support.JsonScalars;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as index documents and back. A document holds {@code object_id}, every non-null field under
 * its own name, {@code hb-present} (the names of the non-null fields, so {@code null} is exact for
 * every type, empty arrays included) and {@code hb-words.<field>} for text fields (see
 * {@link IndexedWords}) and {@code hb-terms.<field>} (see {@link SearchTerms}), both excluded from
 * {@code _source}.
 *
 * <p>Value encoding: texts as strings, Integer as long, Float as double, Timestamp as epoch
 * milliseconds, Date as epoch days (both longs, so every value orders and round-trips exactly),
 * arrays as JSON arrays of their elements, vectors as arrays of the exact double value of each
 * float, Json as the JSON itself, HyperG as an array of objects, Artifact as Base64.
 */
final class DocumentCodec {

    static final String OBJECT_ID = "object_id";
    static final String PRESENT = "hb-present";
    static final String WORDS = "hb-words";
    /** The analyzed terms of each text field, space-separated, ranked by the server's BM25 ({@code search}). */
    static final String TERMS = "hb-terms";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DocumentCodec() {
    }

    /** Whether {@code match} terms are indexed for a field of this type. */
    static boolean hasWords(DType dtype) {
        Kind kind = dtype.kind();
        return kind == Kind.SHORT_TEXT || kind == Kind.MEDIUM_TEXT || kind == Kind.LONG_TEXT;
    }

    /** The document of one row (absent keys are nulls). */
    static ObjectNode document(EntityLayout layout, String id, Map<String, Object> row) {
        ObjectNode document = SearchClient.object();
        document.put(OBJECT_ID, id);
        ArrayNode present = NODES.arrayNode();
        ObjectNode words = null;
        ObjectNode terms = null;
        for (StoredField field : layout.fields()) {
            Object value = row.get(field.name());
            if (value == null) {
                continue;
            }
            document.set(field.name(), encode(field.dtype(), value));
            present.add(field.name());
            if (hasWords(field.dtype())) {
                if (words == null) {
                    words = NODES.objectNode();
                }
                ArrayNode matched = words.putArray(field.name());
                IndexedWords.of((String) value).forEach(matched::add);
                String analyzed = SearchTerms.of(field, (String) value);
                if (!analyzed.isEmpty()) {
                    if (terms == null) {
                        terms = NODES.objectNode();
                    }
                    terms.put(field.name(), analyzed);
                }
            }
        }
        document.set(PRESENT, present);
        if (words != null) {
            document.set(WORDS, words);
        }
        if (terms != null) {
            document.set(TERMS, terms);
        }
        return document;
    }

    /** The JSON form of a canonical value of {@code dtype}. */
    static JsonNode encode(DType dtype, Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        switch (dtype.kind()) {
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (List<?>) value) {
                    array.add(encode(dtype.element(), element));
                }
                return array;
            }
            case VECTOR: {
                ArrayNode array = NODES.arrayNode();
                for (float component : (float[]) value) {
                    // The double holding exactly this float: any reader parses it back to the same float.
                    array.add((double) component);
                }
                return array;
            }
            case JSON:
                return SearchClient.JSON.valueToTree(value);
            case HYPERG: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (List<?>) value) {
                    Map<?, ?> edge = (Map<?, ?>) element;
                    ObjectNode object = array.addObject();
                    dtype.columns().forEach((column, type) -> object.set(column, encode(type, edge.get(column))));
                }
                return array;
            }
            case ARTIFACT:
                return TextNode.valueOf(Base64.getEncoder().encodeToString((byte[]) value));
            default:
                return JsonScalars.encode(dtype.kind(), value);
        }
    }

    /** The canonical value of {@code dtype} held by a {@code _source} node; null for a missing node. */
    static Object decode(DType dtype, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        switch (dtype.kind()) {
            case ARRAY: {
                List<Object> elements = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    elements.add(decode(dtype.element(), element));
                }
                return Collections.unmodifiableList(elements);
            }
            case VECTOR: {
                float[] vector = new float[node.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = (float) node.get(i).doubleValue();
                }
                return vector;
            }
            case JSON:
                return plain(node);
            case HYPERG: {
                List<Object> edges = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    Map<String, Object> edge = new LinkedHashMap<>();
                    dtype.columns().forEach((column, type) -> edge.put(column, decode(type, element.get(column))));
                    edges.add(Collections.unmodifiableMap(edge));
                }
                return Collections.unmodifiableList(edges);
            }
            case ARTIFACT:
                return Base64.getDecoder().decode(node.asText());
            case INTEGER:
                return node.longValue();
            case FLOAT:
                return node.doubleValue();
            case BOOLEAN:
                return node.booleanValue();
            case TIMESTAMP:
            case DATE:
                return EpochNumbers.fromNumber(dtype.kind(), node.longValue());
            default:
                return node.asText();
        }
    }

    /** A Json value as canonical Java: maps, lists, strings, Long, Double, Boolean, null. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }
}
