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
 * parsers away from inputs that crash or hang them.
 */
public record FilterBudget(int maxTerms, int maxDepth) {

    /** What every backend gets unless it declares otherwise. */
    public static final FilterBudget DEFAULT = new FilterBudget(1_000, InputLimits.MAX_FILTER_DEPTH);

    public FilterBudget {
        if (maxTerms < 2 || maxDepth < 1) {
            throw new IllegalArgumentException("a filter budget needs at least 2 terms and depth 1");
        }
    }

    /** Whether {@code expr} (normalised) fits this budget. */
    public boolean admits(Expr expr) {
        return terms(expr) <= maxTerms && FilterNormalizer.depth(expr) <= maxDepth;
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
