package io.heavenbase;

import io.heavenbase.query.Expr;
import io.heavenbase.query.ExprText;
import io.heavenbase.query.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A query filter, built from static factories and combined with {@link #and}, {@link #or} and
 * {@link #not}. Values are checked against the field's type when the query runs; an unknown field,
 * an operator the type does not have or a value of the wrong type is a {@link ValidationException}.
 */
public final class Filter {

    private final Expr expr;

    private Filter(Expr expr) {
        this.expr = expr;
    }

    /** Wraps an expression tree (used by the JSON codec). */
    public static Filter of(Expr expr) {
        return new Filter(expr);
    }

    /** The expression tree this filter stands for. */
    public Expr expr() {
        return expr;
    }

    public static Filter eq(String field, Object value) {
        return leaf(field, Op.EQ, value);
    }

    public static Filter ne(String field, Object value) {
        return leaf(field, Op.NE, value);
    }

    public static Filter lt(String field, Object value) {
        return leaf(field, Op.LT, value);
    }

    public static Filter lte(String field, Object value) {
        return leaf(field, Op.LTE, value);
    }

    public static Filter gt(String field, Object value) {
        return leaf(field, Op.GT, value);
    }

    public static Filter gte(String field, Object value) {
        return leaf(field, Op.GTE, value);
    }

    /** The field equals one of {@code values}; a null list is rejected when the query runs. */
    public static Filter in(String field, Collection<?> values) {
        return leaf(field, Op.IN, values == null ? null : new ArrayList<>(values));
    }

    public static Filter in(String field, Object... values) {
        return leaf(field, Op.IN, values == null ? null : new ArrayList<>(Arrays.asList(values)));
    }

    /** The field is null or equals none of {@code values}; a null list is rejected when the query runs. */
    public static Filter notIn(String field, Collection<?> values) {
        return leaf(field, Op.NIN, values == null ? null : new ArrayList<>(values));
    }

    public static Filter notIn(String field, Object... values) {
        return leaf(field, Op.NIN, values == null ? null : new ArrayList<>(Arrays.asList(values)));
    }

    public static Filter isNull(String field) {
        return leaf(field, Op.NULL, Boolean.TRUE);
    }

    public static Filter isNotNull(String field) {
        return leaf(field, Op.NULL, Boolean.FALSE);
    }

    /** Full-text match: every word of {@code text} occurs in the field (case-insensitive words). */
    public static Filter match(String field, String text) {
        return leaf(field, Op.MATCH, text);
    }

    /** The Array field holds {@code value}. */
    public static Filter arrayContains(String field, Object value) {
        return leaf(field, Op.ARRAY_CONTAINS, value);
    }

    /** Reverse containment: some element of the Array field occurs inside {@code text}. */
    public static Filter containedIn(String field, String text) {
        return leaf(field, Op.CONTAINED_IN, text);
    }

    /**
     * Case-sensitive substring: the text field contains {@code text} exactly as given (SQL
     * {@code LIKE '%text%'} without wildcards; LangChain4j {@code containsString}).
     */
    public static Filter contains(String field, String text) {
        return leaf(field, Op.CONTAINS, text);
    }

    public static Filter and(Filter... filters) {
        return new Filter(new Expr.And(exprs(filters)));
    }

    public static Filter or(Filter... filters) {
        return new Filter(new Expr.Or(exprs(filters)));
    }

    public static Filter not(Filter filter) {
        if (filter == null) {
            throw new ValidationException(null, null, "filter", "not() needs a filter, got null");
        }
        return new Filter(new Expr.Not(filter.expr));
    }

    /** This filter AND {@code other}. */
    public Filter and(Filter other) {
        return and(this, other);
    }

    /** This filter OR {@code other}. */
    public Filter or(Filter other) {
        return or(this, other);
    }

    @Override
    public String toString() {
        return ExprText.of(expr);
    }

    private static Filter leaf(String field, Op op, Object value) {
        return new Filter(new Expr.Leaf(field, op, value));
    }

    private static List<Expr> exprs(Filter... filters) {
        if (filters == null || filters.length == 0) {
            throw new ValidationException(null, null, "filter", "and()/or() need at least one filter");
        }
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < filters.length; i++) {
            if (filters[i] == null) {
                throw new ValidationException(null, null, "filter", "and()/or() got null as filter " + (i + 1));
            }
            out.add(filters[i].expr);
        }
        return out;
    }
}
