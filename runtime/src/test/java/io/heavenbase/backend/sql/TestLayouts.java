package io.heavenbase.backend.sql;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fields, layouts and canonical rows for the SQL family's tests, whatever the dialect. */
public final class TestLayouts {

    private TestLayouts() {
    }

    /** An inline column of the given dtype spelling. */
    public static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    /** An inline field with its full-text switch on, whatever its type's default. */
    public static StoredField indexed(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN, true);
    }

    /** A side-table field of the given dtype spelling. */
    public static StoredField side(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.SIDE_TABLE);
    }

    /** The layout of {@code entity} with these fields in this order. */
    public static EntityLayout layout(String entity, StoredField... fields) {
        return new EntityLayout(entity, List.of(fields));
    }

    /**
     * A row of canonical values built from alternating field names and raw values, each value normalised by its
     * field's dtype (so tests write exactly what the engine would).
     */
    public static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Names.OBJECT_ID, id);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String field = (String) namesAndValues[i];
            row.put(field, layout.field(field).dtype().normalize(namesAndValues[i + 1], layout.entityId(), field));
        }
        return row;
    }
}
