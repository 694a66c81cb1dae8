package io.heavenbase.backend.pinecone;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;

/**
 * One entity part in one Pinecone namespace ({@code prefix + entity id} with '-' as '_'). A record
 * per row: id = object_id, values = the part's vector (Pinecone holds one vector per record),
 * metadata = the other fields plus {@code object_id} (filters cannot address record ids) and the
 * presence flag {@code _hb_vec} (a row without vector stores a unit placeholder and {@code false}).
 *
 * @param vector the vector field stored as the record values, or null when the part has none
 */
record PineconePart(String namespace, EntityLayout layout, StoredField vector) {

    /** Metadata keys starting with this belong to the backend. */
    static final String RESERVED_PREFIX = "_hb_";
    /** Metadata key: whether the record's values are the row's vector (false: placeholder). */
    static final String HAS_VECTOR = "_hb_vec";
    /** Metadata key: the string-array fields whose value is an empty list. */
    static final String EMPTY_ARRAYS = "_hb_empty";

    /** The part; throws when the layout has more than one vector or a reserved field name. */
    static PineconePart of(String backend, String prefix, EntityLayout layout) {
        StoredField vector = null;
        for (StoredField field : layout.fields()) {
            if (field.name().startsWith(RESERVED_PREFIX)) {
                throw new UnsupportedCapabilityException(backend, field.dtype().toString(), "field name",
                        "pinecone backend '" + backend + "' cannot store field '" + field.name() + "' of entity '"
                                + layout.entityId() + "': names starting with '" + RESERVED_PREFIX + "' are reserved");
            }
            if (field.dtype().kind() == DType.Kind.VECTOR) {
                if (vector != null) {
                    throw new UnsupportedCapabilityException(backend, field.dtype().toString(), "store",
                            "pinecone backend '" + backend + "' holds one vector per record; entity '"
                                    + layout.entityId() + "' places both '" + vector.name() + "' and '" + field.name()
                                    + "' on it");
                }
                vector = field;
            }
        }
        return new PineconePart(Names.physical(prefix, layout.entityId()), layout, vector);
    }

    /** The logical type of a field of this part ({@code Identifier} for object_id), or null. */
    DType dtype(String field) {
        if (field.equals(Names.OBJECT_ID)) {
            return DType.IDENTIFIER;
        }
        StoredField stored = layout.field(field);
        return stored == null ? null : stored.dtype();
    }

    /** Throws unless the part's vector has the index dimension. */
    void requireDimension(String backend, PineconeIndex index) {
        if (vector != null && vector.dtype().dimension() != index.dimension()) {
            throw new UnsupportedCapabilityException(backend, vector.dtype().toString(), "store",
                    "pinecone backend '" + backend + "' has an index of dimension " + index.dimension()
                            + "; field '" + vector.name() + "' of entity '" + layout.entityId() + "' is "
                            + vector.dtype());
        }
    }
}
