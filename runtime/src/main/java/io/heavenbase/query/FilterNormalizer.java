package io.heavenbase.query;

import io.heavenbase.ValidationException;
import io.heavenbase.schema.InputLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings a filter to its normal form before anything else looks at it: NOT pushed down to the
 * leaves (De Morgan; {@code not(not(x))} is {@code x}), nested ANDs inside ANDs and ORs inside ORs
 * flattened, repeated parts of one AND/OR dropped, a part that is always true or false absorbed
 * (an empty AND is true, an empty OR false) and one-part combinators replaced by their part.
 * Under two-valued logic every step keeps the meaning exactly.
 *
 * <p>The walk is iterative, so a filter of any depth as written (a {@code Filter.not} nested
 * 10,000 times, an {@code f = f.and(g)} loop) costs linear time and no stack. It enforces
 * {@link InputLimits#MAX_FILTER_NODES} on the filter as written and
 * {@link InputLimits#MAX_FILTER_DEPTH} on the result, so every later recursive step (validation,
 * routing, the backends' compilers, {@link Evaluator}) sees a bounded depth.
 */
public final class FilterNormalizer {

    private FilterNormalizer() {
    }

    /** The normal form of {@code root}; a ValidationException (path {@code filter}) when a limit is broken. */
    public static Expr normalize(Expr root) {
        Walk walk = new Walk();
        Result result = walk.enter(root, false);
        while (!walk.stack.isEmpty()) {
            Frame top = walk.stack.peek();
            if (result != null) {
                top.done.add(result);
                result = null;
            }
            if (top.next < top.children.size()) {
                result = walk.enter(top.children.get(top.next++), top.negated);
            } else {
                walk.stack.pop();
                result = top.combine();
            }
        }
        return result.expr();
    }

    /** The nesting depth of a normalised filter: 0 for a leaf, one more per and/or/not level. */
    public static int depth(Expr expr) {
        if (expr instanceof Expr.Leaf) {
            return 0;
        }
        if (expr instanceof Expr.Not not) {
            return 1 + depth(not.child());
        }
        int deepest = 0;
        for (Expr child : expr instanceof Expr.And and ? and.children() : ((Expr.Or) expr).children()) {
            deepest = Math.max(deepest, depth(child));
        }
        return 1 + deepest;
    }

    /** A normalised subtree with its depth. */
    private record Result(Expr expr, int depth) {
    }

    private static final class Walk {
        final Deque<Frame> stack = new ArrayDeque<>();
        int nodes;

        /** The result of a leaf (under any NOTs), or null after pushing a frame for an AND/OR. */
        Result enter(Expr expr, boolean negated) {
            count();
            while (expr instanceof Expr.Not not) {
                count();
                negated = !negated;
                expr = not.child();
            }
            if (expr == null) {
                throw new ValidationException(null, "filter", "filter", "a filter part is null");
            }
            if (expr instanceof Expr.Leaf leaf) {
                return negated ? new Result(new Expr.Not(leaf), 1) : new Result(leaf, 0);
            }
            boolean and = expr instanceof Expr.And;
            List<Expr> children = and ? ((Expr.And) expr).children() : ((Expr.Or) expr).children();
            stack.push(new Frame(children, negated, and != negated));
            return null;
        }

        private void count() {
            if (++nodes > InputLimits.MAX_FILTER_NODES) {
                throw new ValidationException(null, "filter", "filter_size", "the filter has more than "
                        + InputLimits.MAX_FILTER_NODES + " conditions and combinators (and, or, not); "
                        + "use $in for long lists of values");
            }
        }
    }

    /** An AND/OR being rebuilt: its raw children, and the normalised ones done so far. */
    private static final class Frame {
        final List<Expr> children;
        final boolean negated;
        /** AND after pushing the negation through (De Morgan), else OR. */
        final boolean conjunction;
        final List<Result> done = new ArrayList<>();
        int next;

        Frame(List<Expr> children, boolean negated, boolean conjunction) {
            this.children = children;
            this.negated = negated;
            this.conjunction = conjunction;
        }

        Result combine() {
            Set<Expr> parts = new LinkedHashSet<>();
            int deepest = 0;
            for (Result part : done) {
                if (isConstant(part.expr(), !conjunction)) {
                    // false inside an AND, true inside an OR decides the whole
                    return new Result(part.expr(), 1);
                }
                List<Expr> same = sameKindChildren(part.expr());
                if (same != null) {
                    parts.addAll(same);
                    deepest = Math.max(deepest, part.depth() - 1);
                } else {
                    parts.add(part.expr());
                    deepest = Math.max(deepest, part.depth());
                }
            }
            if (parts.size() == 1) {
                Expr only = parts.iterator().next();
                return new Result(only, only instanceof Expr.Leaf ? 0 : Math.max(1, deepest));
            }
            int depth = deepest + 1;
            if (depth > InputLimits.MAX_FILTER_DEPTH) {
                throw new ValidationException(null, "filter", "filter_depth", "the filter nests and/or/not more than "
                        + InputLimits.MAX_FILTER_DEPTH + " levels deep, even after flattening nested ands and ors");
            }
            List<Expr> list = new ArrayList<>(parts);
            return new Result(conjunction ? new Expr.And(list) : new Expr.Or(list), depth);
        }

        /** The children of {@code expr} when it is the same combinator as this frame's result. */
        private List<Expr> sameKindChildren(Expr expr) {
            if (conjunction && expr instanceof Expr.And and) {
                return and.children();
            }
            if (!conjunction && expr instanceof Expr.Or or) {
                return or.children();
            }
            return null;
        }

        /** Whether {@code expr} is the constant true (an empty AND) or false (an empty OR). */
        private static boolean isConstant(Expr expr, boolean value) {
            return value ? expr instanceof Expr.And and && and.children().isEmpty()
                    : expr instanceof Expr.Or or && or.children().isEmpty();
        }
    }
}
