package io.heavenbase.query;

/**
 * Leaf operators of a filter. {@link #id()} is the capability/op name, and {@code "$" + id()} is
 * the JSON spelling ({@code $eq}, {@code $nin}, {@code $array_contains} ...).
 */
public enum Op {
    EQ("eq"),
    NE("ne"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    IN("in"),
    NIN("nin"),
    /** Value {@code Boolean.TRUE}: the field is null/absent; {@code FALSE}: it has a value. */
    NULL("null"),
    MATCH("match"),
    ARRAY_CONTAINS("array_contains"),
    CONTAINED_IN("contained_in"),
    /** Case-sensitive substring: the text field contains the value exactly as given. */
    CONTAINS("contains");

    private final String id;

    Op(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Op fromId(String id) {
        for (Op op : values()) {
            if (op.id.equals(id)) {
                return op;
            }
        }
        return null;
    }
}
