package io.heavenbase.engine;

import io.heavenbase.ValidationException;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.ObjectIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a user row into a complete canonical row: every field present (defaults applied, absent
 * means null), every value normalised by its dtype, unknown fields and missing required values
 * rejected, and {@code object_id} assigned (given, or derived from {@code name}).
 */
final class RowNormalizer {

    private RowNormalizer() {
    }

    static Map<String, Object> normalize(EntitySchema schema, Map<String, ?> row) {
        if (row == null) {
            throw new ValidationException(schema.id(), null, "row", "entity '" + schema.id() + "': row is null");
        }
        for (String key : row.keySet()) {
            if (!schema.has(key)) {
                throw new ValidationException(schema.id(), key, "unknown_field",
                        "entity '" + schema.id() + "' has no field '" + Names.shorten(key) + "'");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldSchema field : schema.fields()) {
            Object raw = row.containsKey(field.name()) ? row.get(field.name()) : field.defaultValue();
            Object value = field.dtype().normalize(raw, schema.id(), field.name());
            if (value == null && field.required()) {
                throw new ValidationException(schema.id(), field.name(), "required",
                        "entity '" + schema.id() + "' field '" + field.name() + "' is required");
            }
            out.put(field.name(), value);
        }
        if (out.get(Names.OBJECT_ID) == null) {
            Object name = out.get(Names.NAME);
            if (!(name instanceof String)) {
                throw new ValidationException(schema.id(), Names.OBJECT_ID, "required",
                        "entity '" + schema.id() + "': a row needs an object_id or a name to derive it from");
            }
            out.put(Names.OBJECT_ID, ObjectIds.fromName(schema.id(), (String) name));
        }
        return out;
    }

    /** Validates a patch for {@code set}: known fields, object_id unchanged. */
    static void checkPatch(EntitySchema schema, String objectId, Map<String, ?> patch) {
        if (patch == null) {
            throw new ValidationException(schema.id(), null, "patch", "entity '" + schema.id() + "': patch is null");
        }
        for (Map.Entry<String, ?> entry : patch.entrySet()) {
            if (!schema.has(entry.getKey())) {
                throw new ValidationException(schema.id(), entry.getKey(), "unknown_field",
                        "entity '" + schema.id() + "' has no field '" + Names.shorten(entry.getKey()) + "'");
            }
            if (entry.getKey().equals(Names.OBJECT_ID) && !objectId.equals(entry.getValue())) {
                throw new ValidationException(schema.id(), Names.OBJECT_ID, "immutable",
                        "entity '" + schema.id() + "': set() cannot change object_id");
            }
        }
    }
}
