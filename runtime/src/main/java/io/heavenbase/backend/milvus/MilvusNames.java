package io.heavenbase.backend.milvus;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.Locale;
import java.util.Set;

/**
 * Physical names inside a Milvus collection. Field names have already passed
 * {@link io.heavenbase.schema.Names}; on top of that, names Milvus' expression grammar reads as
 * keywords and names in the backend's own {@code _hb_} namespace are refused, because Milvus cannot
 * quote an identifier inside an expression.
 */
final class MilvusNames {

    /** Every name starting with this belongs to the backend. */
    static final String RESERVED_PREFIX = "_hb_";
    /** The vector field of a collection whose entity part has no vector (Milvus requires one). */
    static final String PLACEHOLDER_VECTOR = "_hb_vector";
    /** Dimension of {@link #PLACEHOLDER_VECTOR} (Milvus' smallest). */
    static final int PLACEHOLDER_DIMENSION = 2;

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "like", "exists", "true", "false",
            "is", "null", "json_contains", "json_contains_all", "json_contains_any", "array_contains",
            "array_contains_all", "array_contains_any", "array_length", "text_match", "phrase_match", "random_sample",
            "element_filter", "match_all", "match_any", "textmatch", "phrasematch", "emptyarray");

    private MilvusNames() {
    }

    /** The collection of an entity part: the backend prefix plus the entity id with '-' as '_'. */
    static String collection(String prefix, EntityLayout layout) {
        return layout.physicalName(prefix);
    }

    /** The Bool field telling whether a row's vector is set: Milvus vector fields cannot be null. */
    static String presenceFlag(String vectorField) {
        return RESERVED_PREFIX + "has_" + vectorField;
    }

    /** Refuses field names that cannot appear in a Milvus expression or collide with backend fields. */
    static void requireUsable(String backend, EntityLayout layout) {
        for (StoredField field : layout.fields()) {
            String name = field.name();
            if (name.startsWith(RESERVED_PREFIX) || KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new UnsupportedCapabilityException(backend, field.dtype().toString(), "field name",
                        "milvus backend '" + backend + "' cannot store field '" + name + "' of entity '"
                                + layout.entityId() + "': the name is a Milvus expression keyword or starts with '"
                                + RESERVED_PREFIX + "' (reserved); rename the field or place it on another backend");
            }
        }
    }
}
