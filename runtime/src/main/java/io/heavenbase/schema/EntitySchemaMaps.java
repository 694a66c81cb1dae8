package io.heavenbase.schema;

import io.heavenbase.FullText;
import io.heavenbase.TextAnalyzer;
import io.heavenbase.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Map (JSON) form of an entity definition, both ways. {@link #toMap(EntitySchema)} writes only
 * JSON-ready values (strings, numbers, booleans, lists, maps), so the result can go through any
 * JSON mapper and back into {@link #fromMap(Map)}.
 */
final class EntitySchemaMaps {

    private static final Set<String> ENTITY_KEYS = Set.of("name", "id", "desc", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("type", "desc", "required", "default", "store", "strategy",
            "full_text", "analyzer");

    private EntitySchemaMaps() {
    }

    static EntitySchema fromMap(Map<String, ?> definition) {
        if (definition == null) {
            throw new ValidationException(null, null, "definition", "an entity definition map is required");
        }
        String id = entityId(definition);
        for (Object key : definition.keySet()) {
            if (!ENTITY_KEYS.contains(key)) {
                throw new ValidationException(id, null, "unknown_key", "unknown key '" + Names.shorten(key)
                        + "' in the definition of entity '" + id + "'; allowed: name, desc, fields");
            }
        }
        EntitySchema.Builder builder = EntitySchema.builder(id).desc(text(definition.get("desc"), id, null, "desc"));
        Object fields = definition.get("fields");
        if (fields == null) {
            fields = Map.of();
        }
        if (!(fields instanceof Map)) {
            throw new ValidationException(id, null, "definition", "'fields' of entity '" + id
                    + "' must be a map from field name to a type or a field map");
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) fields).entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new ValidationException(id, null, "field_name", "field names of entity '" + id
                        + "' must be strings, got " + Names.shorten(entry.getKey()));
            }
            addField(builder, id, (String) entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    private static String entityId(Map<String, ?> definition) {
        Object name = definition.get("name");
        Object id = definition.get("id");
        if (name != null && id != null && !name.equals(id)) {
            throw new ValidationException(String.valueOf(name), null, "definition",
                    "entity definition has both name '" + Names.shorten(name) + "' and id '" + Names.shorten(id)
                            + "'; give one");
        }
        Object chosen = name != null ? name : id;
        if (!(chosen instanceof String)) {
            throw new ValidationException(null, null, "entity_id",
                    "an entity definition needs 'name' (the entity id) as a string, got " + Names.shorten(chosen));
        }
        return Names.requireEntityId((String) chosen);
    }

    private static void addField(EntitySchema.Builder builder, String entity, String name, Object spec) {
        if (spec instanceof String || spec instanceof DType) {
            DType dtype = dtypeOf(spec, entity, name);
            builder.field(name, dtype);
            return;
        }
        if (!(spec instanceof Map)) {
            throw new ValidationException(entity, name, "definition", "field '" + name + "' of entity '" + entity
                    + "' must be a type spelling or a map with 'type', got " + Names.shorten(spec));
        }
        Map<?, ?> settings = (Map<?, ?>) spec;
        for (Object key : settings.keySet()) {
            if (!FIELD_KEYS.contains(key)) {
                throw new ValidationException(entity, name, "unknown_key", "unknown key 'fields." + name + "."
                        + Names.shorten(key) + "' in the definition of entity '" + entity
                        + "'; allowed: type, desc, required, default, store, strategy, full_text, analyzer");
            }
        }
        if (settings.get("type") == null) {
            throw new ValidationException(entity, name, "definition", "field '" + name + "' of entity '" + entity
                    + "' needs 'type' (fields." + name + ".type)");
        }
        DType dtype = dtypeOf(settings.get("type"), entity, name);
        String desc = text(settings.get("desc"), entity, name, "desc");
        Object required = settings.get("required");
        if (required != null && !(required instanceof Boolean)) {
            throw new ValidationException(entity, name, "definition", "fields." + name + ".required of entity '"
                    + entity + "' must be true or false, got " + Names.shorten(required));
        }
        Object fullText = settings.get("full_text");
        if (fullText != null && !(fullText instanceof Boolean)) {
            throw new ValidationException(entity, name, "definition", "fields." + name + ".full_text of entity '"
                    + entity + "' must be true or false, got " + Names.shorten(fullText));
        }
        String store = text(settings.get("store"), entity, name, "store");
        String strategy = text(settings.get("strategy"), entity, name, "strategy");
        String analyzer = text(settings.get("analyzer"), entity, name, "analyzer");
        builder.field(name, dtype, field -> {
            field.desc(desc).required(Boolean.TRUE.equals(required)).defaultValue(settings.get("default"))
                    .fullText(FullText.of((Boolean) fullText)).analyzer(analyzer);
            if (!store.isEmpty()) {
                field.store(store, strategy.isEmpty() ? null : strategy);
            } else if (!strategy.isEmpty()) {
                field.strategy(strategy);
            }
        });
    }

    private static DType dtypeOf(Object spelling, String entity, String field) {
        if (spelling instanceof DType) {
            return (DType) spelling;
        }
        if (!(spelling instanceof String)) {
            throw new ValidationException(entity, field, "dtype", "fields." + field + ".type of entity '" + entity
                    + "' must be a type spelling, got " + Names.shorten(spelling));
        }
        try {
            return DType.parse((String) spelling);
        } catch (ValidationException e) {
            throw new ValidationException(entity, field, e.rule(),
                    "entity '" + entity + "' field '" + field + "': " + e.getMessage());
        }
    }

    private static String text(Object value, String entity, String field, String key) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof String)) {
            String path = field == null ? key : "fields." + field + "." + key;
            throw new ValidationException(entity, field, "definition", path + " of entity '" + entity
                    + "' must be a string, got " + Names.shorten(value));
        }
        return (String) value;
    }

    static Map<String, Object> toMap(EntitySchema schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSchema field : schema.fields()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", field.dtype().toString());
            if (!field.desc().isEmpty()) {
                spec.put("desc", field.desc());
            }
            if (field.required()) {
                spec.put("required", true);
            }
            if (field.defaultValue() != null) {
                spec.put("default", jsonReady(field.defaultValue()));
            }
            if (field.backend() != null) {
                spec.put("store", field.backend());
            }
            if (field.strategy() != null) {
                spec.put("strategy", field.strategy().id());
            }
            if (field.fullTextSetting() != FullText.DEFAULT) {
                spec.put("full_text", field.fullTextSetting() == FullText.ON);
            }
            if (field.analyzer() != TextAnalyzer.STANDARD) {
                spec.put("analyzer", field.analyzer().id());
            }
            fields.put(field.name(), spec);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", schema.id());
        if (!schema.desc().isEmpty()) {
            out.put("desc", schema.desc());
        }
        out.put("fields", fields);
        return out;
    }

    /** A canonical value as JSON data that normalises back to the same value. */
    private static Object jsonReady(Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof float[]) {
            List<Object> out = new ArrayList<>();
            for (float component : (float[]) value) {
                out.add((double) component);
            }
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object element : (List<?>) value) {
                out.add(jsonReady(element));
            }
            return out;
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), jsonReady(v)));
            return out;
        }
        return value;
    }
}
