package io.heavenbase.conformance;

import io.heavenbase.schema.EntitySchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entity every conformance test works on: one field of every logical type, placed as the
 * layout says.
 */
public final class ConformanceEntity {

    public static final String ID = "conf-item";

    public static final String OBJECT_ID = "object_id";
    public static final String NAME = "name";
    public static final String TITLE = "title";
    public static final String REF = "ref";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    public static final String QTY = "qty";
    public static final String PRICE = "price";
    public static final String ACTIVE = "active";
    public static final String COLOR = "color";
    public static final String CREATED = "created";
    public static final String DAY = "day";
    public static final String TAGS = "tags";
    public static final String SIZES = "sizes";
    public static final String EMBEDDING = "embedding";
    public static final String META = "meta";
    public static final String LINKS = "links";
    public static final String BLOB = "blob";

    /** Declared fields (besides the implicit object_id and name) and their type spelling, in order. */
    public static final Map<String, String> TYPES = types();

    private ConformanceEntity() {
    }

    /** The suite entity with each field stored where {@code layout} places it. */
    public static EntitySchema schema(ConformanceLayout layout) {
        EntitySchema.Builder builder = EntitySchema.builder(ID).desc("conformance suite entity");
        TYPES.forEach((field, dtype) -> {
            String backend = layout.backendOf(field);
            if (backend == null) {
                builder.field(field, dtype);
            } else {
                builder.field(field, dtype, f -> f.store(backend));
            }
        });
        return builder.build();
    }

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put(TITLE, "ShortText");
        types.put(REF, "Identifier");
        types.put(SUMMARY, "MediumText");
        types.put(BODY, "LongText");
        types.put(QTY, "Integer");
        types.put(PRICE, "Float");
        types.put(ACTIVE, "Boolean");
        types.put(COLOR, "Categorical[red,green,blue]");
        types.put(CREATED, "Timestamp");
        types.put(DAY, "Date");
        types.put(TAGS, "Array[ShortText]");
        types.put(SIZES, "Array[Integer]");
        types.put(EMBEDDING, "Vector[3]");
        types.put(META, "Json");
        types.put(LINKS, "HyperG");
        types.put(BLOB, "Artifact");
        return Collections.unmodifiableMap(types);
    }
}
