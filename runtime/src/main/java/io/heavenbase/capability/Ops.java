package io.heavenbase.capability;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Operation names and which of them make sense for which logical type. The engine can evaluate
 * every applicable operation itself (fallback); a backend's {@link CapabilityTable} says which of
 * them it runs natively.
 */
public final class Ops {

    public static final String EQ = "eq";
    public static final String NE = "ne";
    public static final String LT = "lt";
    public static final String LTE = "lte";
    public static final String GT = "gt";
    public static final String GTE = "gte";
    public static final String IN = "in";
    public static final String NIN = "nin";
    public static final String NULL = "null";
    public static final String MATCH = "match";
    public static final String ARRAY_CONTAINS = "array_contains";
    public static final String CONTAINED_IN = "contained_in";
    /** Case-sensitive substring of a text-valued field. */
    public static final String CONTAINS = "contains";
    public static final String NEAR = "near";
    /**
     * Relevance ranking of a text field by BM25 ({@code search}); native on a backend that ranks with Lucene's exact
     * formula over the field's analyzed terms, otherwise the engine ranks.
     */
    public static final String SEARCH = "search";
    /** Sorting by the field (with offset and limit). */
    public static final String ORDER = "order";

    /** Every op name, in a stable order. */
    public static final Set<String> ALL = Set.of(EQ, NE, LT, LTE, GT, GTE, IN, NIN, NULL, MATCH, ARRAY_CONTAINS,
            CONTAINED_IN, CONTAINS, NEAR, SEARCH, ORDER);

    private static final Set<Kind> EQUALITY = EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT,
            Kind.LONG_TEXT, Kind.CATEGORICAL, Kind.INTEGER, Kind.FLOAT, Kind.BOOLEAN, Kind.TIMESTAMP, Kind.DATE);
    private static final Set<Kind> RANGE = EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT,
            Kind.LONG_TEXT, Kind.CATEGORICAL, Kind.INTEGER, Kind.FLOAT, Kind.TIMESTAMP, Kind.DATE);
    private static final Set<Kind> TEXT = EnumSet.of(Kind.SHORT_TEXT, Kind.MEDIUM_TEXT, Kind.LONG_TEXT);

    private Ops() {
    }

    /** Whether {@code op} is meaningful for the dtype at all (regardless of backend). */
    public static boolean applies(DType dtype, String op) {
        Kind kind = dtype.kind();
        switch (op) {
            case EQ:
            case NE:
            case IN:
            case NIN:
                return EQUALITY.contains(kind);
            case LT:
            case LTE:
            case GT:
            case GTE:
                return RANGE.contains(kind);
            case ORDER:
                return EQUALITY.contains(kind);
            case NULL:
                return true;
            case MATCH:
            case SEARCH:
                return TEXT.contains(kind);
            case ARRAY_CONTAINS:
                return kind == Kind.ARRAY;
            case CONTAINED_IN:
                return kind == Kind.ARRAY && dtype.element().kind().isStringValued();
            case CONTAINS:
                return kind.isStringValued();
            case NEAR:
                return kind == Kind.VECTOR;
            default:
                return false;
        }
    }

    /** Applicable ops for a dtype, in a stable order. */
    public static Set<String> applicable(DType dtype) {
        Set<String> out = new LinkedHashSet<>();
        for (String op : new String[] {EQ, NE, LT, LTE, GT, GTE, IN, NIN, NULL, MATCH, ARRAY_CONTAINS, CONTAINED_IN,
                CONTAINS, NEAR, SEARCH, ORDER}) {
            if (applies(dtype, op)) {
                out.add(op);
            }
        }
        return out;
    }

    /** Whether a strategy can represent the dtype at all. */
    public static boolean strategyFits(DType dtype, Strategy strategy) {
        Kind kind = dtype.kind();
        switch (strategy) {
            case INLINE_COLUMN:
                return true;
            case SIDE_TABLE:
                return kind == Kind.ARRAY || kind == Kind.HYPERG;
            case VECTOR_INDEX:
                return kind == Kind.VECTOR;
            case SPARSE_GRAM_INDEX:
                return kind == Kind.ARRAY && dtype.element().kind().isStringValued();
            case GRAPH_EDGE:
                return kind == Kind.HYPERG;
            default:
                return false;
        }
    }
}
