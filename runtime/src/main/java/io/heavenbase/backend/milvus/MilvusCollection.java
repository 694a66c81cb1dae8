package io.heavenbase.backend.milvus;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Milvus collection of one entity part: its name and its fields. {@code object_id} is the
 * VarChar primary key; every scalar field is nullable; each vector field is a FloatVector plus a
 * Bool presence flag (Milvus vector fields cannot be null, so a row without a vector stores a unit
 * placeholder and {@code false}); a part without any vector gets the placeholder vector field
 * Milvus requires.
 */
final class MilvusCollection {

    private final String name;
    private final EntityLayout layout;
    private final Map<String, MilvusColumn> columns;
    private final List<String> vectorFields;

    private MilvusCollection(String name, EntityLayout layout, Map<String, MilvusColumn> columns,
            List<String> vectorFields) {
        this.name = name;
        this.layout = layout;
        this.columns = columns;
        this.vectorFields = vectorFields;
    }

    /** The collection for {@code layout}; throws when a field cannot be stored or named in Milvus. */
    static MilvusCollection of(String backend, String prefix, EntityLayout layout) {
        MilvusNames.requireUsable(backend, layout);
        Map<String, MilvusColumn> columns = new LinkedHashMap<>();
        List<String> vectors = new ArrayList<>();
        columns.put(Names.OBJECT_ID, MilvusColumn.objectIdKey());
        for (StoredField field : layout.fields()) {
            columns.put(field.name(), MilvusColumn.of(backend, layout.entityId(), field.name(), field.dtype()));
            if (field.dtype().kind() == DType.Kind.VECTOR) {
                vectors.add(field.name());
            }
        }
        for (String vector : vectors) {
            MilvusColumn flag = MilvusColumn.presenceFlag(vector);
            columns.put(flag.name(), flag);
        }
        if (vectors.isEmpty()) {
            MilvusColumn placeholder = MilvusColumn.placeholderVector();
            columns.put(placeholder.name(), placeholder);
        }
        return new MilvusCollection(MilvusNames.collection(prefix, layout), layout,
                Collections.unmodifiableMap(columns), List.copyOf(vectors));
    }

    String name() {
        return name;
    }

    EntityLayout layout() {
        return layout;
    }

    /** Every Milvus field in declaration order, object_id first. */
    List<MilvusColumn> columns() {
        return new ArrayList<>(columns.values());
    }

    MilvusColumn column(String field) {
        return columns.get(field);
    }

    /** The logical vector fields (each with a presence flag). */
    List<String> vectorFields() {
        return vectorFields;
    }

    boolean hasPlaceholder() {
        return vectorFields.isEmpty();
    }

    /** The logical type of a field stored here ({@code Identifier} for object_id), or null. */
    DType dtype(String field) {
        if (field.equals(Names.OBJECT_ID)) {
            return DType.IDENTIFIER;
        }
        StoredField stored = layout.field(field);
        return stored == null ? null : stored.dtype();
    }

    /**
     * The Milvus output fields that carry these logical fields: object_id, each field stored here
     * and, for a vector, its presence flag. Fields not stored here are skipped.
     */
    List<String> outputFields(Iterable<String> fields) {
        List<String> out = new ArrayList<>();
        out.add(Names.OBJECT_ID);
        for (String field : fields) {
            if (layout.has(field) && !out.contains(field)) {
                out.add(field);
                if (vectorFields.contains(field)) {
                    out.add(MilvusNames.presenceFlag(field));
                }
            }
        }
        return out;
    }
}
