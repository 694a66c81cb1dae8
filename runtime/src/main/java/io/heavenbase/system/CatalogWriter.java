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
 * Keeps one {@code sys-catalog} row per object: its target entity and id, and the object's
 * {@code name}, {@code desc} and {@code tags} when its entity has fields of those names.
 */
public final class CatalogWriter {

    private final SystemTable table;

    public CatalogWriter(SystemTable table) {
        this.table = table;
    }

    /** The catalog row id of an object: {@code ObjectIds.fromName("sys-catalog", entity + US + id)}. */
    public static String catalogId(String entity, String objectId) {
        return ObjectIds.fromName(Catalog.ENTITY_ID, entity + "\u001f" + objectId);
    }

    /** The catalog row describing {@code row} of {@code schema}. */
    public static Map<String, Object> catalogRow(EntitySchema schema, Map<String, Object> row) {
        String objectId = (String) row.get("object_id");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object_id", catalogId(schema.id(), objectId));
        out.put("target_id", objectId);
        out.put("target_entity", schema.id());
        out.put("name", text(schema, row, "name", 255));
        out.put("desc", text(schema, row, "desc", 4095));
        out.put("tags", tags(schema, row));
        return out;
    }

    public void upsert(EntitySchema schema, List<Map<String, Object>> rows) {
        List<Map<String, Object>> catalogRows = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            catalogRows.add(catalogRow(schema, row));
        }
        table.upsert(catalogRows);
    }

    public void delete(String entity, List<String> objectIds) {
        List<String> ids = new ArrayList<>(objectIds.size());
        for (String objectId : objectIds) {
            ids.add(catalogId(entity, objectId));
        }
        table.delete(ids);
    }

    public SystemTable table() {
        return table;
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
            if (text.length() <= 255) {
                out.add(text);
            }
        }
        return out;
    }
}
