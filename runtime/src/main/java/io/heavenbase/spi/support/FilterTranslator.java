package io.heavenbase.spi.support;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The template of a filter translator: turns a filter {@link Expr} into a backend's native filter language with
 * the engine's two-valued semantics ({@link io.heavenbase.query.Evaluator}) and says whether the result is exact
 * ({@link Translation}). The template owns what every translator shares; the backend overrides one hook per kind
 * of node and writes only its own spelling.
 *
 * <p>What the template owns:
 * <ul>
 * <li>The recursion over {@code and}, {@code or} and {@code not}. A native language whose NOT is the exact
 * complement of what it negates (every leaf written so it is never "unknown" on a missing value) passes
 * {@code true} to the constructor and gets {@link #not(Object)}; otherwise the template pushes the negation down
 * to the leaves (De Morgan) and hands each leaf hook a {@code negated} flag, so the hook can write the negated
 * operator ({@code not eq} is {@code ne} there) or answer {@link Translation#superset()}.</li>
 * <li>The null policy, so no hook sees a null operand or an empty list: a leaf on a missing value is false,
 * except {@code ne}, {@code nin} (true) and {@code null}; an {@code eq}/{@code ne}/range leaf with a null value is
 * the constant false ({@code ne}: true); null elements of an {@code in}/{@code nin} list never match and are left
 * out; an empty {@code in} list is false, an empty {@code nin} list true; an empty {@code and} is true, an empty
 * {@code or} false. Negation flips each of these.</li>
 * <li>Exactness: a hook that cannot write a leaf exactly answers a superset ({@link Translation#superset()}, or
 * throws {@link #inexpressible()} from deep inside a literal encoder); a conjunction or disjunction of supersets is
 * a superset, the negation of a superset is "every row" (a superset again). The constants {@link Translation#everyRow()}
 * and {@link Translation#noRow()} fold into the surrounding {@code and}/{@code or} unless the backend spells them
 * natively ({@link #constant(boolean)}).</li>
 * </ul>
 * What is not exact is re-checked by the backend on the rows the native filter selects
 * ({@link Translation#residual(Expr)}, usually through {@link RowScan}), so a translation is never narrower than
 * the filter. A hook may instead throw when the backend's capability table promises the engine never sends that
 * leaf (see {@link #unsupported(Expr.Leaf, boolean)}).
 *
 * <p>A translator holds no state besides what its subclass keeps (the layout, a JSON factory), so one instance can
 * be reused for many filters.
 *
 * @param <T> the native filter type (a JSON node, a string of the store's expression language)
 */
public abstract class FilterTranslator<T> {

    private final boolean nativeNot;

    /**
     * @param nativeNot whether the native language negates exactly ({@link #not(Object)}); false: the template
     *        pushes negations down to the leaves
     */
    protected FilterTranslator(boolean nativeNot) {
        this.nativeNot = nativeNot;
    }

    /**
     * The native filter for {@code filter}.
     *
     * @param filter the filter; null: every row ({@link Translation#everyRow()})
     * @return the translation, exact or a superset
     */
    public final Translation<T> translate(Expr filter) {
        return filter == null ? Translation.everyRow() : translate(filter, false);
    }

    /**
     * Both (all) parts must hold.
     *
     * @param parts at least one native filter
     * @return the native conjunction
     */
    protected abstract T and(List<T> parts);

    /**
     * Any part must hold.
     *
     * @param parts at least one native filter
     * @return the native disjunction
     */
    protected abstract T or(List<T> parts);

    /**
     * The exact complement of {@code part}; called only when the constructor was given {@code nativeNot} true.
     *
     * @param part a native filter
     * @return its negation
     */
    protected T not(T part) {
        throw new UnsupportedOperationException(getClass().getName() + " negates by pushing down, not natively");
    }

    /**
     * A constant truth value (an empty {@code and}/{@code or}, an empty list, a null operand). The default answers
     * {@link Translation#everyRow()}/{@link Translation#noRow()}, which the template folds away; a backend that must keep
     * writing its own constants overrides it.
     *
     * @param value true: every row; false: no row
     * @return the translation of the constant
     */
    protected Translation<T> constant(boolean value) {
        return value ? Translation.everyRow() : Translation.noRow();
    }

    /**
     * An {@code eq}, {@code ne}, {@code lt}, {@code lte}, {@code gt} or {@code gte} leaf; its value is not null.
     *
     * @param leaf the leaf
     * @param negated whether the leaf stands under an odd number of pushed-down negations
     * @return the translation; default {@link #unsupported(Expr.Leaf, boolean)}
     */
    protected Translation<T> comparison(Expr.Leaf leaf, boolean negated) {
        return unsupported(leaf, negated);
    }

    /**
     * An {@code in} or {@code nin} leaf.
     *
     * @param leaf the leaf (its value is the list as the query holds it)
     * @param values the list's non-null elements, at least one
     * @param negated whether the leaf stands under an odd number of pushed-down negations
     * @return the translation; default {@link #unsupported(Expr.Leaf, boolean)}
     */
    protected Translation<T> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
        return unsupported(leaf, negated);
    }

    /**
     * A {@code null} leaf, the pushed-down negation already applied.
     *
     * @param leaf the leaf
     * @param isNull true: the value must be null; false: it must not be
     * @return the translation; default {@link #unsupported(Expr.Leaf, boolean)}
     */
    protected Translation<T> nullTest(Expr.Leaf leaf, boolean isNull) {
        return unsupported(leaf, false);
    }

    /**
     * An {@code array_contains} leaf.
     *
     * @param leaf the leaf
     * @param negated whether the leaf stands under an odd number of pushed-down negations
     * @return the translation; default {@link #unsupported(Expr.Leaf, boolean)}
     */
    protected Translation<T> arrayContains(Expr.Leaf leaf, boolean negated) {
        return unsupported(leaf, negated);
    }

    /**
     * Any other leaf ({@code match}, {@code contains}, {@code contained_in}, ...).
     *
     * @param leaf the leaf
     * @param negated whether the leaf stands under an odd number of pushed-down negations
     * @return the translation; default {@link #unsupported(Expr.Leaf, boolean)}
     */
    protected Translation<T> other(Expr.Leaf leaf, boolean negated) {
        return unsupported(leaf, negated);
    }

    /**
     * A leaf the native language cannot say. The default answers {@link Translation#superset()}, and the rows are
     * re-checked; a backend whose capability table keeps such leaves in the engine may throw instead.
     *
     * @param leaf the leaf
     * @param negated whether the leaf stands under an odd number of pushed-down negations
     * @return the translation
     */
    protected Translation<T> unsupported(Expr.Leaf leaf, boolean negated) {
        return Translation.superset();
    }

    /**
     * The exception a hook throws, from however deep, when a value has no exact native literal; the template reads
     * it as {@link Translation#superset()} for the leaf being translated.
     *
     * @return the exception to throw
     */
    protected static RuntimeException inexpressible() {
        return new Inexpressible();
    }

    private Translation<T> translate(Expr expr, boolean negated) {
        if (expr instanceof Expr.Not not) {
            return nativeNot ? negation(translate(not.child(), false)) : translate(not.child(), !negated);
        }
        if (expr instanceof Expr.And and) {
            return negated ? anyOf(and.children(), true) : allOf(and.children(), false);
        }
        if (expr instanceof Expr.Or or) {
            return negated ? allOf(or.children(), true) : anyOf(or.children(), false);
        }
        try {
            return leaf((Expr.Leaf) expr, negated);
        } catch (Inexpressible e) {
            return Translation.superset();
        }
    }

    private Translation<T> negation(Translation<T> child) {
        if (!child.exact()) {
            return Translation.superset();
        }
        if (child.filter() == null) {
            return constant(child.none());
        }
        return Translation.of(not(child.filter()));
    }

    private Translation<T> allOf(List<Expr> children, boolean negated) {
        if (children.isEmpty()) {
            return constant(true);
        }
        List<T> parts = new ArrayList<>(children.size());
        boolean exact = true;
        for (Expr child : children) {
            Translation<T> part = translate(child, negated);
            if (part.none()) {
                return Translation.noRow();
            }
            exact &= part.exact();
            if (part.filter() != null) {
                parts.add(part.filter());
            }
        }
        Translation<T> combined = parts.isEmpty() ? Translation.everyRow() : Translation.of(and(parts));
        return exact ? combined : combined.inexact();
    }

    private Translation<T> anyOf(List<Expr> children, boolean negated) {
        if (children.isEmpty()) {
            return constant(false);
        }
        List<T> parts = new ArrayList<>(children.size());
        boolean exact = true;
        for (Expr child : children) {
            Translation<T> part = translate(child, negated);
            if (part.all()) {
                return part;
            }
            exact &= part.exact();
            if (!part.none()) {
                parts.add(part.filter());
            }
        }
        Translation<T> combined = parts.isEmpty() ? Translation.noRow() : Translation.of(or(parts));
        return exact ? combined : combined.inexact();
    }

    private Translation<T> leaf(Expr.Leaf leaf, boolean negated) {
        Op op = leaf.op();
        if (op.isComparison()) {
            return leaf.value() == null ? constant(op == Op.NE != negated) : comparison(leaf, negated);
        }
        switch (op) {
            case IN:
            case NIN:
                if (!(leaf.value() instanceof Collection<?> list)) {
                    return unsupported(leaf, negated);
                }
                List<Object> values = new ArrayList<>(list.size());
                for (Object value : list) {
                    if (value != null) {
                        values.add(value);
                    }
                }
                return values.isEmpty() ? constant(op == Op.NIN != negated) : membership(leaf, values, negated);
            case NULL:
                return nullTest(leaf, Boolean.TRUE.equals(leaf.value()) != negated);
            case ARRAY_CONTAINS:
                return arrayContains(leaf, negated);
            default:
                return other(leaf, negated);
        }
    }

    /** A value without an exact native literal; never leaves the template. */
    private static final class Inexpressible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Inexpressible() {
            super(null, null, false, false);
        }
    }
}
