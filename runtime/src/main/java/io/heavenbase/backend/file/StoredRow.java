package io.heavenbase.backend.file;

import io.heavenbase.ValidationException;
import io.heavenbase.query.ValueCopy;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row part as a file backend keeps it: the object id and the non-null values by field name
 * (sorted, unmodifiable). Values are canonical, except that the {@code file} backend holds an
 * {@link ArtifactRef} for an Artifact kept in its own file. Values of fields outside the current
 * layout (written by another schema version) are kept, never dropped.
 */
record StoredRow(String objectId, SortedMap<String, Object> values) {

    StoredRow {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** Validates and copies an incoming row part: object_id plus every layout field (absent = null). */
    static StoredRow fromInput(EntityLayout layout, Map<String, Object> row) {
        Object id = row.get(Names.OBJECT_ID);
        if (!(id instanceof String) || ((String) id).isEmpty()) {
            throw new ValidationException(layout.entityId(), Names.OBJECT_ID, "required",
                    "a row of entity '" + layout.entityId() + "' has no String object_id (got "
                            + Names.shorten(id) + ")");
        }
        SortedMap<String, Object> values = new TreeMap<>();
        for (StoredField field : layout.fields()) {
            Object value = field.dtype().normalize(row.get(field.name()), layout.entityId(), field.name());
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return new StoredRow((String) id, values);
    }

    /** This incoming row with the values {@code previous} holds for fields outside the layout. */
    StoredRow keepingOtherFields(StoredRow previous, EntityLayout layout) {
        if (previous == null) {
            return this;
        }
        SortedMap<String, Object> merged = new TreeMap<>(values);
        previous.values.forEach((field, value) -> {
            if (!layout.has(field)) {
                merged.put(field, value);
            }
        });
        return new StoredRow(objectId, merged);
    }

    /** A map for the query engine: object_id and every value, without copying. */
    Map<String, Object> asScanRow() {
        Map<String, Object> row = new HashMap<>(values);
        row.put(Names.OBJECT_ID, objectId);
        return row;
    }

    /** A copy of the requested fields (absent ones as null) plus object_id, for fetch. */
    Map<String, Object> project(Collection<String> fields) {
        Map<String, Object> out = new HashMap<>();
        for (String field : fields) {
            out.put(field, ValueCopy.of(values.get(field)));
        }
        out.put(Names.OBJECT_ID, objectId);
        return out;
    }
}
