package io.heavenbase.system;

import io.heavenbase.Catalog;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.ObjectIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a {@code sys-catalog} row: one per object, with its target entity and id, and the
 * object's {@code name}, {@code desc} and {@code tags} when its entity has fields of those names.
 * Nothing stores these rows; the engine derives them from the entities' own rows when the catalog
 * is read.
 */
public final class CatalogRows {

    /** Longest catalog {@code name}, in code points; a longer name is cut. */
    public static final int NAME_MAX_CHARS = 255;
    /** Longest catalog {@code desc}, in code points; a longer text is cut. */
    public static final int DESC_MAX_CHARS = 4095;
    /** Longest catalog tag, in UTF-16 chars; a longer tag is left out. */
    public static final int TAG_MAX_CHARS = 255;

    private CatalogRows() {
    }

    /** The catalog row id of an object: {@code ObjectIds.fromName("sys-catalog", entity + US + id)}. */
    public static String catalogId(String entity, String objectId) {
        return ObjectIds.fromName(Catalog.ENTITY_ID, entity + "\u001f" + objectId);
    }

    /**
     * The catalog row describing {@code row} of {@code schema}. The row needs {@code object_id} and
     * the values of whichever of {@code name}, {@code desc} and {@code tags} the caller wants filled
     * (an absent value reads as null).
     */
    public static Map<String, Object> catalogRow(EntitySchema schema, Map<String, Object> row) {
        String objectId = (String) row.get("object_id");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object_id", catalogId(schema.id(), objectId));
        out.put("target_id", objectId);
        out.put("target_entity", schema.id());
        out.put("name", text(schema, row, "name", NAME_MAX_CHARS));
        out.put("desc", text(schema, row, "desc", DESC_MAX_CHARS));
        out.put("tags", tags(schema, row));
        return out;
    }

    private static String text(EntitySchema schema, Map<String, Object> row, String field, int maxChars) {
        FieldSchema declared = schema.field(field);
        Object value = row.get(field);
        if (declared == null || !(value instanceof String)) {
            return null;
        }
        String text = (String) value;
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxChars));
    }

    private static List<String> tags(EntitySchema schema, Map<String, Object> row) {
        FieldSchema declared = schema.field("tags");
        Object value = row.get("tags");
        List<String> out = new ArrayList<>();
        if (declared == null || declared.dtype().kind() != DType.Kind.ARRAY || !(value instanceof List)) {
            return out;
        }
        for (Object tag : (List<?>) value) {
            String text = String.valueOf(tag);
            if (text.length() <= TAG_MAX_CHARS) {
                out.add(text);
            }
        }
        return out;
    }
}
