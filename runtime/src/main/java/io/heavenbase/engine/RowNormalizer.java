package io.heavenbase.engine;

import io.heavenbase.ValidationException;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.ObjectIds;
import java.util.List;
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
        List<FieldSchema> fields = schema.fields();
        int known = 0;
        for (FieldSchema field : fields) {
            if (row.containsKey(field.name())) {
                known++;
            }
        }
        if (known != row.size()) {
            rejectUnknownField(schema, row);
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            FieldSchema field = fields.get(i);
            Object raw = row.get(field.name());
            if (raw == null && !row.containsKey(field.name())) {
                raw = field.defaultValue();
            }
            Object value = field.dtype().normalize(raw, schema.id(), field.name());
            if (value == null && field.required()) {
                throw new ValidationException(schema.id(), field.name(), "required",
                        "entity '" + schema.id() + "' field '" + field.name() + "' is required");
            }
            values[i] = value;
        }
        int objectId = schema.position(Names.OBJECT_ID);
        if (values[objectId] == null) {
            int namePosition = schema.position(Names.NAME);
            Object name = namePosition < 0 ? null : values[namePosition];
            if (!(name instanceof String)) {
                throw new ValidationException(schema.id(), Names.OBJECT_ID, "required",
                        "entity '" + schema.id() + "': a row needs an object_id or a name to derive it from");
            }
            values[objectId] = ObjectIds.fromName(schema.id(), (String) name);
        }
        return new CanonicalRow(schema, values);
    }

    private static void rejectUnknownField(EntitySchema schema, Map<String, ?> row) {
        for (Object key : row.keySet()) {
            if (!(key instanceof String) || !schema.has((String) key)) {
                throw new ValidationException(schema.id(), String.valueOf(key), "unknown_field",
                        "entity '" + schema.id() + "' has no field '" + Names.shorten(key) + "'");
            }
        }
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
