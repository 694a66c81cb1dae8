package io.heavenbase.schema;

/**
 * Every size limit HeavenBase enforces on user input, in one place. Each is checked before any
 * backend sees the input, and a violation is a {@link io.heavenbase.ValidationException} naming the
 * path of the offending part. docs/query-semantics.md and docs/model.md list the same numbers.
 */
public final class InputLimits {

    /** Longest {@code object_id}, counted in Unicode code points (also the Identifier type's limit). */
    public static final int MAX_ID_CODE_POINTS = DType.IDENTIFIER_MAX_CHARS;

    /**
     * Most conditions and combinators ({@code and}, {@code or}, {@code not}, leaves) one filter may
     * hold as written, counting a subtree once per place it is used.
     */
    public static final int MAX_FILTER_NODES = 20_000;

    /**
     * Deepest nesting of {@code and}/{@code or}/{@code not} after the filter is normalised (nested
     * ANDs and ORs flattened, NOT pushed down to the leaves), so chains such as
     * {@code f = f.and(g)} in a loop never count against it.
     */
    public static final int MAX_FILTER_DEPTH = 64;

    /**
     * Deepest nesting of a filter given as a map to {@code queryJson}: the same cap as JSON text
     * (Jackson's default of 1,000 levels).
     */
    public static final int MAX_FILTER_MAP_DEPTH = 1_000;

    /** Most values in one {@code in} or {@code nin} list. */
    public static final int MAX_IN_VALUES = 100_000;

    /** Deepest nesting of a Json value (maps and lists); deeper values are cycles or attacks. */
    public static final int MAX_VALUE_DEPTH = 100;

    private InputLimits() {
    }

    /** Characters of a {@code search} query text: a query, not a document. */
    public static final int MAX_SEARCH_TEXT_CHARS = 10_000;
}
