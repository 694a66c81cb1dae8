package io.heavenbase.spi.support;

import io.heavenbase.query.Expr;

/**
 * A filter translated into a backend's native filter language by a {@link FilterTranslator}: the native filter,
 * whether it selects exactly the filter's rows, and the two constants that need no native filter at all.
 *
 * <p>An inexact translation selects a superset of the filter's rows (never fewer): the backend runs it natively
 * and re-checks the rows it gets against {@link #residual(Expr) the residual}, for example with {@link RowScan}.
 *
 * @param filter the native filter; null for the constants ({@link #everyRow()}, {@link #noRow()})
 * @param exact whether {@code filter} selects exactly the rows of the filter it was translated from
 * @param none whether no row matches (then {@code filter} is null)
 * @param <T> the native filter type
 */
public record Translation<T>(T filter, boolean exact, boolean none) {

    private static final Translation<?> ALL = new Translation<>(null, true, false);
    private static final Translation<?> NONE = new Translation<>(null, true, true);
    private static final Translation<?> SUPERSET = new Translation<>(null, false, false);

    /** Every row, exactly: no native filter is needed. */
    @SuppressWarnings("unchecked")
    public static <T> Translation<T> everyRow() {
        return (Translation<T>) ALL;
    }

    /** No row, exactly: the backend need not ask its store at all. */
    @SuppressWarnings("unchecked")
    public static <T> Translation<T> noRow() {
        return (Translation<T>) NONE;
    }

    /** Every row, as a superset of a filter the native language cannot say: the rows are re-checked. */
    @SuppressWarnings("unchecked")
    public static <T> Translation<T> superset() {
        return (Translation<T>) SUPERSET;
    }

    /**
     * An exact native filter.
     *
     * @param filter the native filter, not null
     * @param <T> the native filter type
     * @return the translation
     */
    public static <T> Translation<T> of(T filter) {
        if (filter == null) {
            throw new IllegalArgumentException("a native filter is needed; use everyRow() or noRow() for the constants");
        }
        return new Translation<>(filter, true, false);
    }

    /** This translation, marked as a superset of the filter's rows. */
    public Translation<T> inexact() {
        return exact ? new Translation<>(filter, false, none) : this;
    }

    /** Whether every row matches (no native filter and not {@link #noRow()}); exact or a superset. */
    public boolean all() {
        return filter == null && !none;
    }

    /**
     * What the backend still has to test on the rows the native filter selects: nothing (null) when the
     * translation is exact, else the whole filter it was translated from.
     *
     * @param translated the filter this translation came from
     * @return null or {@code translated}
     */
    public Expr residual(Expr translated) {
        return exact ? null : translated;
    }
}
