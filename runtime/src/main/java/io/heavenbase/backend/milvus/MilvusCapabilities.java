package io.heavenbase.backend.milvus;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import java.util.EnumSet;

/**
 * What the {@code milvus} backend stores and runs natively. Native means a Milvus boolean
 * expression (or a vector search) gives exactly the engine's answer; everything else applicable
 * runs in the engine.
 *
 * <ul>
 * <li>Text kinds, Identifier, Categorical, Integer, Float, Timestamp (Int64 millis) and Date (Int64
 * epoch day): comparisons, {@code in}/{@code nin} and {@code null}. Milvus compares VARCHAR values
 * byte-wise in UTF-8, which is Unicode code-point order, and numbers numerically.</li>
 * <li>Boolean: {@code eq ne in nin null} (no ordering).</li>
 * <li>Array (inline): {@code array_contains} and {@code null}; {@code contained_in} is a substring
 * test Milvus has no exact counterpart for.</li>
 * <li>Json and HyperG (JSON fields): {@code null}.</li>
 * <li>Vector (vector index): {@code near} and {@code null}.</li>
 * <li>{@code match} (Milvus' text match tokenises, the engine does not) and {@code order} (a query
 * cannot sort) always run in the engine. Artifact is not storable: Milvus has no binary scalar
 * type.</li>
 * </ul>
 */
final class MilvusCapabilities {

    static final CapabilityTable TABLE = CapabilityTable.builder()
            .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT, Kind.LONG_TEXT,
                    Kind.CATEGORICAL, Kind.INTEGER, Kind.FLOAT, Kind.TIMESTAMP, Kind.DATE),
                    Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN, Ops.NIN, Ops.NULL)
            .store(Strategy.INLINE_COLUMN, Kind.BOOLEAN, Ops.EQ, Ops.NE, Ops.IN, Ops.NIN, Ops.NULL)
            .store(Strategy.INLINE_COLUMN, Kind.ARRAY, Ops.ARRAY_CONTAINS, Ops.NULL)
            .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.JSON, Kind.HYPERG), Ops.NULL)
            .store(Strategy.VECTOR_INDEX, Kind.VECTOR, Ops.NEAR, Ops.NULL)
            .build();

    private MilvusCapabilities() {
    }
}
