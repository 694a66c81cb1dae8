package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;

/**
 * One entity part as this backend stores it: its collection name, the field whose vector is the
 * record's embedding (the one {@code VectorIndex} field, or null), the metadata codec and the
 * {@code where} translator.
 */
record ChromaPart(EntityLayout layout, String collection, StoredField indexedVector, MetadataCodec codec,
        WhereTranslator translator) {

    /** Dimension of the embedding of a record whose part has no indexed vector (Chroma needs one). */
    private static final int PLACEHOLDER_DIMENSION = 1;

    static ChromaPart of(String backendName, EntityLayout layout, String prefix, String prefixProperty,
            ObjectMapper json) {
        return new ChromaPart(layout, ChromaCollectionName.of(layout, prefix, prefixProperty),
                indexedVector(backendName, layout), new MetadataCodec(backendName, layout, json),
                new WhereTranslator(layout));
    }

    /** The embedding a record is stored with: its indexed vector, or zeros when it has none. */
    float[] embedding(Object indexedValue) {
        if (indexedValue instanceof float[]) {
            return (float[]) indexedValue;
        }
        return new float[indexedVector == null ? PLACEHOLDER_DIMENSION : indexedVector.dtype().dimension()];
    }

    private static StoredField indexedVector(String backendName, EntityLayout layout) {
        List<StoredField> indexed = new ArrayList<>();
        for (StoredField field : layout.fields()) {
            if (field.strategy() == Strategy.VECTOR_INDEX) {
                indexed.add(field);
            }
        }
        if (indexed.size() > 1) {
            StoredField second = indexed.get(1);
            throw new UnsupportedCapabilityException(backendName, second.dtype().toString(),
                    Strategy.VECTOR_INDEX.toString(), "backend '" + backendName + "' (chroma) indexes one vector per "
                            + "entity, but entity '" + layout.entityId() + "' places fields '" + indexed.get(0).name()
                            + "' and '" + second.name() + "' there with VectorIndex; store field '" + second.name()
                            + "' as InlineColumn or on another backend");
        }
        return indexed.isEmpty() ? null : indexed.get(0);
    }
}
