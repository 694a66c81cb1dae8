package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;

/**
 * The index of one entity part: one primary shard, a replica when the cluster has a second node,
 * a strict mapping (a field nobody declared is an error, never a guessed type) and one mapped field
 * per logical type:
 * <ul>
 * <li>Identifier, ShortText, MediumText, Categorical: {@code keyword} (exact, ordered by code point);
 * LongText: a {@code keyword} kept in {@code _source} only, since its values may exceed the longest
 * indexable term;</li>
 * <li>Integer, Timestamp (epoch ms), Date (epoch days): {@code long}; Float: {@code double};
 * Boolean: {@code boolean};</li>
 * <li>Array: the element's mapping (fields are multi-valued); Vector: see {@link Distribution};</li>
 * <li>Json, HyperG: an {@code object} that is not parsed ({@code enabled: false}); Artifact:
 * {@code binary}.</li>
 * </ul>
 * Plus {@code object_id}, {@code hb-present} and {@code hb-words.<text field>} keywords and the
 * {@code hb-terms.<text field>} texts that {@code search} ranks (see {@link DocumentCodec}, {@link SearchTerms}).
 */
final class IndexMapping {

    /** Longest Array[LongText] element indexed (in chars): at most 4 UTF-8 bytes each, under Lucene's term limit. */
    static final int MAX_KEYWORD_CHARS = 8191;

    private IndexMapping() {
    }

    /** The body of {@code PUT /index}. */
    static ObjectNode createBody(EntityLayout layout, Distribution distribution) {
        ObjectNode body = SearchClient.object();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
        // Only vector indexes ask for the k-NN setting, so a node without the k-NN plugin still
        // serves text and scalar fields.
        if (hasVector(layout)) {
            distribution.addIndexSettings(index);
        }
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.putObject("_source").putArray("excludes").add(DocumentCodec.WORDS).add(DocumentCodec.TERMS);
        mappings.set("properties", properties(layout, distribution));
        return body;
    }

    /** The body of {@code PUT /index/_mapping}: every field of the layout (new ones are added). */
    static ObjectNode putMappingBody(EntityLayout layout, Distribution distribution) {
        ObjectNode body = SearchClient.object();
        body.set("properties", properties(layout, distribution));
        return body;
    }

    private static boolean hasVector(EntityLayout layout) {
        return layout.fields().stream().anyMatch(field -> field.dtype().kind() == DType.Kind.VECTOR);
    }

    private static ObjectNode properties(EntityLayout layout, Distribution distribution) {
        ObjectNode properties = SearchClient.object();
        properties.set(DocumentCodec.OBJECT_ID, keyword());
        properties.set(DocumentCodec.PRESENT, keyword());
        ObjectNode words = SearchClient.object();
        ObjectNode terms = SearchClient.object();
        for (StoredField field : layout.fields()) {
            properties.set(field.name(), field(field.dtype(), distribution));
            if (DocumentCodec.hasWords(field.dtype())) {
                words.set(field.name(), keyword());
                terms.set(field.name(), SearchTerms.mapping());
            }
        }
        if (!words.isEmpty()) {
            properties.putObject(DocumentCodec.WORDS).set("properties", words);
            properties.putObject(DocumentCodec.TERMS).set("properties", terms);
        }
        return properties;
    }

    private static ObjectNode field(DType dtype, Distribution distribution) {
        switch (dtype.kind()) {
            case IDENTIFIER:
            case SHORT_TEXT:
            case MEDIUM_TEXT:
            case CATEGORICAL:
                return keyword();
            case LONG_TEXT:
                return keyword().put("index", false).put("doc_values", false);
            case INTEGER:
            case TIMESTAMP:
            case DATE:
                return type("long");
            case FLOAT:
                return type("double");
            case BOOLEAN:
                return type("boolean");
            case ARRAY:
                return dtype.element().kind() == DType.Kind.LONG_TEXT
                        ? keyword().put("ignore_above", MAX_KEYWORD_CHARS)
                        : field(dtype.element(), distribution);
            case VECTOR:
                return distribution.vectorMapping(dtype.dimension());
            case ARTIFACT:
                return type("binary");
            default:
                return type("object").put("enabled", false);
        }
    }

    private static ObjectNode keyword() {
        return type("keyword");
    }

    private static ObjectNode type(String type) {
        return SearchClient.object().put("type", type);
    }
}
