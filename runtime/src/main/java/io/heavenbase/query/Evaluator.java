package io.heavenbase.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;

/**
 * Evaluates a filter on one row in the engine (fallback), with exactly the semantics every
 * backend must reproduce natively:
 * <ul>
 * <li>Two-valued logic: a leaf on a null/absent value is false, except {@code null} (value TRUE: the
 * value is null; FALSE: it is not), {@code ne} (true when the value is null or differs) and
 * {@code nin} (true when the value is null or in none of the list). {@code Not} is the exact
 * complement of its child; an empty {@code And} is true, an empty {@code Or} false.</li>
 * <li>{@code eq ne lt lte gt gte} compare with {@link ValueOrder} (text by code point, exact and
 * case/accent sensitive; numbers numerically across Long/Double); {@code in} is "some element is
 * {@link ValueOrder#same}".</li>
 * <li>{@code match}: the stored text {@link TextMatch#matches} the query, under the field's analyzer when the
 * caller names one.</li>
 * <li>{@code array_contains}: the stored list has an element {@link ValueOrder#same} as the value.</li>
 * <li>{@code contained_in}: some text element of the stored list is {@link TextMatch#containedIn}
 * the value.</li>
 * <li>{@code contains}: the stored text contains the value as a substring, case-sensitively
 * (every text contains the empty string).</li>
 * </ul>
 * A value of the wrong shape for the operator (say a number under {@code match}) makes the leaf
 * false, as a null would.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Whether {@code row} (field name to canonical value; absent means null) satisfies {@code expr}. */
    public static boolean test(Expr expr, Map<String, Object> row) {
        return test(expr, row, field -> null);
    }

    /**
     * As {@link #test(Expr, Map)}, with {@code match} on each field under the analyzer {@code analyzers} gives for
     * it (null: the {@code standard} word rule).
     */
    public static boolean test(Expr expr, Map<String, Object> row, Function<String, Analyzer> analyzers) {
        if (expr instanceof Expr.And) {
            for (Expr child : ((Expr.And) expr).children()) {
                if (!test(child, row, analyzers)) {
                    return false;
                }
            }
            return true;
        }
        if (expr instanceof Expr.Or) {
            for (Expr child : ((Expr.Or) expr).children()) {
                if (test(child, row, analyzers)) {
                    return true;
                }
            }
            return false;
        }
        if (expr instanceof Expr.Not) {
            return !test(((Expr.Not) expr).child(), row, analyzers);
        }
        Expr.Leaf leaf = (Expr.Leaf) expr;
        return testLeaf(leaf, row.get(leaf.field()), analyzers);
    }

    private static boolean testLeaf(Expr.Leaf leaf, Object stored, Function<String, Analyzer> analyzers) {
        Object value = leaf.value();
        switch (leaf.op()) {
            case NULL:
                return Boolean.TRUE.equals(value) == (stored == null);
            case NE:
                return stored == null || !ValueOrder.same(stored, value);
            case NIN:
                return stored == null || !anySame(stored, value);
            default:
                break;
        }
        if (stored == null || value == null) {
            return false;
        }
        switch (leaf.op()) {
            case EQ:
                return ValueOrder.same(stored, value);
            case LT:
                return comparable(stored, value) && ValueOrder.compare(stored, value) < 0;
            case LTE:
                return comparable(stored, value) && ValueOrder.compare(stored, value) <= 0;
            case GT:
                return comparable(stored, value) && ValueOrder.compare(stored, value) > 0;
            case GTE:
                return comparable(stored, value) && ValueOrder.compare(stored, value) >= 0;
            case IN:
                return anySame(stored, value);
            case MATCH:
                return stored instanceof String && value instanceof String
                        && matches((String) stored, (String) value, analyzers.apply(leaf.field()));
            case ARRAY_CONTAINS:
                return stored instanceof List && containsSame((List<?>) stored, value);
            case CONTAINED_IN:
                return stored instanceof List && value instanceof String
                        && anyContainedIn((List<?>) stored, (String) value);
            case CONTAINS:
                return stored instanceof String && value instanceof String && ((String) stored).contains((String) value);
            default:
                throw new IllegalArgumentException("unknown operator " + leaf.op());
        }
    }

    private static boolean matches(String stored, String query, Analyzer analyzer) {
        return analyzer == null ? TextMatch.matches(stored, query) : TextMatch.matches(stored, query, analyzer);
    }

    /** Range comparisons only between values of one family (a String never sorts against a Long). */
    private static boolean comparable(Object stored, Object value) {
        return (stored instanceof Number && value instanceof Number) || stored.getClass() == value.getClass();
    }

    private static boolean anySame(Object stored, Object values) {
        if (!(values instanceof Collection)) {
            return false;
        }
        return containsSame((Collection<?>) values, stored);
    }

    private static boolean containsSame(Collection<?> values, Object wanted) {
        for (Object candidate : values) {
            if (candidate != null && ValueOrder.same(candidate, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyContainedIn(List<?> elements, String text) {
        for (Object element : elements) {
            if (element instanceof String && TextMatch.containedIn((String) element, text)) {
                return true;
            }
        }
        return false;
    }
}
