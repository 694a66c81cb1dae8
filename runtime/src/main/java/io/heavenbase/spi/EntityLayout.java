package io.heavenbase.spi;

import io.heavenbase.schema.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of one entity that lives on one backend: the entity id and the fields placed there
 * (never {@code object_id}, which every backend keeps implicitly as the key). All names have
 * passed {@link Names}; backends may use them in physical names after adding their prefix.
 */
public final class EntityLayout {

    private final String entityId;
    private final Map<String, StoredField> fields;
    private final List<StoredField> fieldList;
    private final List<String> fieldNames;

    public EntityLayout(String entityId, List<StoredField> fields) {
        this.entityId = Names.requireEntityId(entityId);
        Map<String, StoredField> byName = new LinkedHashMap<>();
        for (StoredField field : fields) {
            Names.requireFieldName(entityId, field.name());
            byName.put(field.name(), field);
        }
        this.fields = byName;
        this.fieldList = List.copyOf(byName.values());
        this.fieldNames = List.copyOf(byName.keySet());
    }

    public String entityId() {
        return entityId;
    }

    /** Fields stored on this backend, in entity order, without {@code object_id}; unmodifiable. */
    public List<StoredField> fields() {
        return fieldList;
    }

    /** The names of {@link #fields()}, in the same order; unmodifiable. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The field, or {@code null} when it is not stored on this backend. */
    public StoredField field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Physical name for this entity with the backend's prefix: {@code prefix + id('-' -> '_')}. */
    public String physicalName(String prefix) {
        return Names.physical(prefix, entityId);
    }

    @Override
    public String toString() {
        return "EntityLayout[" + entityId + " " + fields.values() + "]";
    }
}
