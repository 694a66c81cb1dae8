package io.heavenbase.spi;

import io.heavenbase.query.Expr;
import io.heavenbase.query.FilterNormalizer;
import io.heavenbase.query.Op;
import io.heavenbase.schema.InputLimits;
import java.util.List;

/**
 * The largest filter a backend accepts in one {@link Fragment}: at most {@code maxTerms} terms
 * (see {@link #terms}) and at most {@code maxDepth} levels of and/or/not. The engine never pushes a
 * bigger filter: it splits ANDs and ORs into batches that fit, cuts long {@code in}/{@code nin}
 * lists into chunks, and combines the id sets itself. This keeps statements under parameter and
 * expression-depth limits (PostgreSQL's 65,535 parameters, SQLite's depth of 1,000) and native
 * parsers away from inputs that crash or hang them. A range comparison ({@code lt lte gt gte})
 * whose text bound is longer than {@code maxRangeTextChars} is never pushed either: the engine
 * evaluates it (Lucene-based engines build an automaton per text range and refuse bounds of about
 * a thousand characters).
 */
public record FilterBudget(int maxTerms, int maxDepth, int maxRangeTextChars) {

    /** What every backend gets unless it declares otherwise. */
    public static final FilterBudget DEFAULT = new FilterBudget(1_000, InputLimits.MAX_FILTER_DEPTH);

    public FilterBudget {
        if (maxTerms < 2 || maxDepth < 1 || maxRangeTextChars < 1) {
            throw new IllegalArgumentException(
                    "a filter budget needs at least 2 terms, depth 1 and range bounds of 1 character");
        }
    }

    /** A budget without a limit on the length of text range bounds. */
    public FilterBudget(int maxTerms, int maxDepth) {
        this(maxTerms, maxDepth, Integer.MAX_VALUE);
    }

    /** Whether {@code expr} (normalised) fits this budget. */
    public boolean admits(Expr expr) {
        if (terms(expr) > maxTerms || FilterNormalizer.depth(expr) > maxDepth) {
            return false;
        }
        if (maxRangeTextChars == Integer.MAX_VALUE) {
            return true;
        }
        for (Expr.Leaf leaf : expr.leaves()) {
            if (isRange(leaf.op()) && leaf.value() instanceof String text && text.length() > maxRangeTextChars) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRange(Op op) {
        return op == Op.LT || op == Op.LTE || op == Op.GT || op == Op.GTE;
    }

    /**
     * The size of a normalised filter: one per leaf and per and/or/not, plus one per value of an
     * {@code in}/{@code nin} list (each becomes a parameter or literal).
     */
    public static int terms(Expr expr) {
        if (expr instanceof Expr.Leaf leaf) {
            boolean list = (leaf.op() == Op.IN || leaf.op() == Op.NIN) && leaf.value() instanceof List;
            return 1 + (list ? ((List<?>) leaf.value()).size() : 0);
        }
        if (expr instanceof Expr.Not not) {
            return 1 + terms(not.child());
        }
        int sum = 1;
        for (Expr child : expr instanceof Expr.And and ? and.children() : ((Expr.Or) expr).children()) {
            sum += terms(child);
        }
        return sum;
    }
}
