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
 * a thousand characters). An {@code in}/{@code nin} list carries at most {@code maxListValues}
 * values; by default {@code maxTerms - 1}, one term per value. A backend whose engine handles long
 * value lists far better than wide and/or trees (Trino) allows more values than terms: a list then
 * counts in proportion, a full list weighing as much as a full budget of terms.
 */
public record FilterBudget(int maxTerms, int maxDepth, int maxRangeTextChars, int maxListValues) {

    /** What every backend gets unless it declares otherwise. */
    public static final FilterBudget DEFAULT = new FilterBudget(1_000, InputLimits.MAX_FILTER_DEPTH);

    public FilterBudget {
        if (maxTerms < 2 || maxDepth < 1 || maxRangeTextChars < 1 || maxListValues < 1) {
            throw new IllegalArgumentException("a filter budget needs at least 2 terms, depth 1, range bounds of "
                    + "1 character and lists of 1 value");
        }
    }

    /** A budget whose lists carry at most {@code maxTerms - 1} values. */
    public FilterBudget(int maxTerms, int maxDepth, int maxRangeTextChars) {
        this(maxTerms, maxDepth, maxRangeTextChars, maxTerms - 1);
    }

    /** A budget without a limit on the length of text range bounds. */
    public FilterBudget(int maxTerms, int maxDepth) {
        this(maxTerms, maxDepth, Integer.MAX_VALUE);
    }

    /** This budget with in/nin lists of up to {@code values} values in one fragment. */
    public FilterBudget withListValues(int values) {
        return new FilterBudget(maxTerms, maxDepth, maxRangeTextChars, values);
    }

    /** Whether {@code expr} (normalised) fits this budget. */
    public boolean admits(Expr expr) {
        if (size(expr) > maxTerms || FilterNormalizer.depth(expr) > maxDepth) {
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
     * The size of a normalised filter against {@link #maxTerms}: like {@link #terms}, except that an
     * {@code in}/{@code nin} list of {@code n} values counts {@code ceil(n * (maxTerms - 1) / maxListValues)}
     * (just {@code n} with the default list limit).
     */
    public int size(Expr expr) {
        if (expr instanceof Expr.Leaf leaf) {
            boolean list = (leaf.op() == Op.IN || leaf.op() == Op.NIN) && leaf.value() instanceof List;
            return 1 + (list ? listWeight(((List<?>) leaf.value()).size()) : 0);
        }
        if (expr instanceof Expr.Not not) {
            return 1 + size(not.child());
        }
        long sum = 1;
        for (Expr child : expr instanceof Expr.And and ? and.children() : ((Expr.Or) expr).children()) {
            sum += size(child);
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    private int listWeight(int values) {
        long weighted = ((long) values * (maxTerms - 1) + maxListValues - 1) / maxListValues;
        return (int) Math.min(Integer.MAX_VALUE - 1, weighted);
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
