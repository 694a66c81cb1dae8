package io.heavenbase.backend.pinecone;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import java.util.EnumSet;

/**
 * What the {@code pinecone} backend stores and runs natively, as Pinecone metadata filters with
 * exactly the engine's semantics. A null is a missing metadata key, and whether {@code $ne},
 * {@code $nin} and {@code $exists} match missing keys is not something this project could check
 * against a server, so {@code ne}, {@code nin} and {@code null} run in the engine.
 *
 * <ul>
 * <li>Text kinds, Identifier, Categorical: {@code eq} ({@code $eq}) and {@code in} ({@code $in});
 * Pinecone has no ordering of strings.</li>
 * <li>Integer, Float, Timestamp (epoch ms), Date (epoch day): {@code eq in lt lte gt gte}; values
 * are stored as exact float64 numbers (integers beyond 2^53 are refused at write).</li>
 * <li>Boolean: {@code eq}.</li>
 * <li>Array: {@code array_contains} ({@code $in} on a list of canonical strings).</li>
 * <li>Vector (one per entity part, the record's values): {@code near}.</li>
 * <li>Json, HyperG, Artifact: stored as strings, no native operation. Nothing is ordered
 * natively; {@code match} and {@code contained_in} run in the engine.</li>
 * </ul>
 */
final class PineconeCapabilities {

    static final CapabilityTable TABLE = CapabilityTable.builder()
            .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT, Kind.LONG_TEXT,
                    Kind.CATEGORICAL), Ops.EQ, Ops.IN)
            .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.INTEGER, Kind.FLOAT, Kind.TIMESTAMP, Kind.DATE), Ops.EQ,
                    Ops.IN, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE)
            .store(Strategy.INLINE_COLUMN, Kind.BOOLEAN, Ops.EQ)
            .store(Strategy.INLINE_COLUMN, Kind.ARRAY, Ops.ARRAY_CONTAINS)
            .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.JSON, Kind.HYPERG, Kind.ARTIFACT))
            .store(Strategy.VECTOR_INDEX, Kind.VECTOR, Ops.NEAR)
            .build();

    private PineconeCapabilities() {
    }
}
