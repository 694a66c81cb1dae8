package io.heavenbase.schema;

import io.heavenbase.ValidationException;

/** How a field is represented physically inside its backend. Spelled as in HeavenBase. */
public enum Strategy {
    /** A column of the entity's own row; the default for scalars, text, Json, Vector, Artifact. */
    INLINE_COLUMN("InlineColumn"),
    /** One child row per element of an Array or HyperG, keyed by the owner's object_id. */
    SIDE_TABLE("SideTable"),
    /** A vector indexed for {@code near}. */
    VECTOR_INDEX("VectorIndex"),
    /** An n-gram index over an {@code Array[ShortText]} for {@code contained_in}. */
    SPARSE_GRAM_INDEX("SparseGramIndex"),
    /** A HyperG whose target column references other rows, validated as graph edges. */
    GRAPH_EDGE("GraphEdge");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    /** The identifier used in annotations, JSON, MetaSchema and explain output. */
    public String id() {
        return id;
    }

    /** Parses a strategy identifier such as {@code "SideTable"}; rejects unknown names clearly. */
    public static Strategy parse(String id) {
        for (Strategy strategy : values()) {
            if (strategy.id.equals(id)) {
                return strategy;
            }
        }
        throw new ValidationException(null, null, "strategy",
                "unknown strategy '" + id + "'; expected one of InlineColumn, SideTable, VectorIndex, "
                        + "SparseGramIndex, GraphEdge");
    }

    @Override
    public String toString() {
        return id;
    }
}
