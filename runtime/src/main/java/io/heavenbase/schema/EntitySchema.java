package io.heavenbase.schema;

import io.heavenbase.FullText;
import io.heavenbase.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The compiled definition of an entity: its id and ordered fields, always starting with
 * {@code object_id} (Identifier, the key) and, unless declared, {@code name} (ShortText, optional).
 * Built from annotations ({@link #fromClass(Class)}), the {@link #builder(String)} or a map
 * ({@link #fromMap(Map)}); all three produce equal schemas for the same definition. Immutable.
 */
public final class EntitySchema {

    private final String id;
    private final String desc;
    private final Map<String, FieldSchema> fields;
    private final List<FieldSchema> fieldList;
    private final List<String> fieldNames;
    private final Map<String, Integer> positions;
    private final Class<?> javaType;

    EntitySchema(String id, String desc, List<FieldSchema> fields, Class<?> javaType) {
        this.id = id;
        this.desc = desc == null ? "" : desc;
        Map<String, FieldSchema> byName = new LinkedHashMap<>();
        for (FieldSchema field : fields) {
            byName.put(field.name(), field);
        }
        this.fields = Collections.unmodifiableMap(byName);
        this.fieldList = List.copyOf(byName.values());
        this.fieldNames = List.copyOf(byName.keySet());
        Map<String, Integer> byPosition = new HashMap<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            byPosition.put(fieldNames.get(i), i);
        }
        this.positions = Collections.unmodifiableMap(byPosition);
        this.javaType = javaType;
    }

    public static Builder builder(String entityId) {
        return new Builder(entityId);
    }

    /**
     * From a definition such as {@code {"name": "product", "desc": "...", "fields": {"price": "Float",
     * "embedding": {"type": "Vector[2]", "store": "vec", "strategy": "VectorIndex", "desc": "...",
     * "required": true, "default": ...}}}}. A field is either a type spelling or a map with
     * {@code type} and optional {@code desc}, {@code required}, {@code default}, {@code store},
     * {@code strategy}. Unknown keys are rejected.
     */
    public static EntitySchema fromMap(Map<String, ?> definition) {
        return EntitySchemaMaps.fromMap(definition);
    }

    /**
     * From a class or record annotated with {@link io.heavenbase.HeavenEntity} (optional: the id
     * defaults to the kebab-case simple name) whose fields or record components carry
     * {@link io.heavenbase.Field} and optionally {@link io.heavenbase.Store}.
     */
    public static EntitySchema fromClass(Class<?> type) {
        return EntitySchemaAnnotations.fromClass(type);
    }

    /** The same definition as a map accepted by {@link #fromMap(Map)}. */
    public Map<String, Object> toMap() {
        return EntitySchemaMaps.toMap(this);
    }

    public String id() {
        return id;
    }

    public String desc() {
        return desc;
    }

    /** All fields in declaration order, {@code object_id} first; unmodifiable. */
    public List<FieldSchema> fields() {
        return fieldList;
    }

    /** The names of {@link #fields()}, in the same order; unmodifiable. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The index of the field in {@link #fields()}, or -1 when the entity has none of that name. */
    public int position(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    /** The field, or {@code null} when the entity has none of that name. */
    public FieldSchema field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The Java class this schema was compiled from, or {@code null}. */
    public Class<?> javaType() {
        return javaType;
    }

    /** Equal when id, description and fields are equal; the Java class is not compared. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntitySchema)) {
            return false;
        }
        EntitySchema other = (EntitySchema) o;
        return id.equals(other.id) && desc.equals(other.desc) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, fields);
    }

    @Override
    public String toString() {
        return "EntitySchema[" + id + " " + fields.values() + "]";
    }

    /** Builds an {@link EntitySchema}; adds {@code object_id} and {@code name} implicitly. */
    public static final class Builder {
        private final String id;
        private String desc = "";
        private final List<FieldSchema> fields = new ArrayList<>();
        private Class<?> javaType;

        Builder(String id) {
            this.id = Names.requireEntityId(id);
        }

        public Builder desc(String desc) {
            this.desc = desc;
            return this;
        }

        public Builder field(String name, String dtype) {
            return field(name, DType.parse(dtype), f -> { });
        }

        public Builder field(String name, DType dtype) {
            return field(name, dtype, f -> { });
        }

        public Builder field(String name, String dtype, Consumer<FieldSchema.Builder> settings) {
            return field(name, DType.parse(dtype), settings);
        }

        public Builder field(String name, DType dtype, Consumer<FieldSchema.Builder> settings) {
            Names.requireFieldName(id, name);
            if (Names.SCORE.equals(name)) {
                throw new ValidationException(id, name, "reserved_name",
                        "field name 'score' in entity '" + id + "' is reserved for the near() similarity column");
            }
            for (FieldSchema existing : fields) {
                if (existing.name().equals(name)) {
                    throw new ValidationException(id, name, "duplicate_field",
                            "field '" + name + "' is declared twice in entity '" + id + "'");
                }
            }
            FieldSchema.Builder builder = new FieldSchema.Builder(id, name, Objects.requireNonNull(dtype, "dtype"));
            settings.accept(builder);
            fields.add(builder.build());
            return this;
        }

        Builder javaType(Class<?> type) {
            this.javaType = type;
            return this;
        }

        public EntitySchema build() {
            List<FieldSchema> all = new ArrayList<>();
            FieldSchema declaredId = find(Names.OBJECT_ID);
            if (declaredId != null && declaredId.dtype().kind() != DType.Kind.IDENTIFIER) {
                throw new ValidationException(id, Names.OBJECT_ID, "dtype",
                        "object_id of entity '" + id + "' must be an Identifier, not " + declaredId.dtype());
            }
            all.add(declaredId != null ? declaredId
                    : new FieldSchema(Names.OBJECT_ID, DType.IDENTIFIER, "row key", false, null, null, null,
                            FullText.DEFAULT));
            if (find(Names.NAME) == null && declaredId == null) {
                all.add(new FieldSchema(Names.NAME, DType.SHORT_TEXT, "", false, null, null, null, FullText.DEFAULT));
            }
            for (FieldSchema field : fields) {
                if (!field.name().equals(Names.OBJECT_ID)) {
                    all.add(field);
                }
            }
            return new EntitySchema(id, desc, all, javaType);
        }

        private FieldSchema find(String name) {
            for (FieldSchema field : fields) {
                if (field.name().equals(name)) {
                    return field;
                }
            }
            return null;
        }
    }
}
