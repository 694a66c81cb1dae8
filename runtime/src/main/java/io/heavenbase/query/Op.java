package io.heavenbase.query;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Leaf operators of a filter. {@link #id()} is the capability/op name, and {@code "$" + id()} is
 * the JSON spelling ({@code $eq}, {@code $nin}, {@code $array_contains} ...).
 */
public enum Op {
    EQ,
    NE,
    LT,
    LTE,
    GT,
    GTE,
    IN,
    NIN,
    /** Value {@code Boolean.TRUE}: the field is null/absent; {@code FALSE}: it has a value. */
    NULL,
    MATCH,
    ARRAY_CONTAINS,
    CONTAINED_IN,
    /** Case-sensitive substring: the text field contains the value exactly as given. */
    CONTAINS;

    private static final Set<Op> COMPARISONS = EnumSet.of(EQ, NE, LT, LTE, GT, GTE);
    private static final Map<String, Op> BY_ID = new HashMap<>();

    static {
        for (Op op : values()) {
            BY_ID.put(op.id(), op);
        }
    }

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name. */
    public String id() {
        return id;
    }

    /** Whether this is one of the six comparisons {@code eq ne lt lte gt gte}. */
    public boolean isComparison() {
        return COMPARISONS.contains(this);
    }

    /** The operator whose {@link #id()} is {@code id} (exact), or null. */
    public static Op fromId(String id) {
        return BY_ID.get(id);
    }
}
