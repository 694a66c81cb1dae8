package io.heavenbase.spi;

import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.SortKey;
import java.util.List;
import java.util.Set;

/**
 * The part of a query pushed down to one backend. The engine only sends what the backend's
 * capability table marks native: every filter leaf, the near field and every order field are
 * stored on this backend.
 *
 * <p>The backend returns the rows that satisfy {@code filter} (all rows when null) and whose id is
 * in {@code candidates} (all ids when null). With {@code near}: the {@code near.topK()} closest of
 * those by score (higher is closer), ordered by score descending then object_id; the filter and the
 * candidate restriction apply before the top-k cut. Without near: ordered by {@code order} then
 * object_id ascending (object_id ascending when {@code order} is empty), then {@code offset} and
 * {@code limit} (null: no limit) applied. {@code columns} are field values to return with each hit
 * (may be empty).
 *
 * <p>{@code idsOnly} (see {@link #candidateIds}) marks a fragment whose caller wants the set of
 * matching ids and nothing else: it has no near, no order, no columns, offset 0 and no limit, and
 * the backend may return its hits in any order, with NaN scores and empty column maps. A backend
 * that ignores the flag and answers as for any other fragment is still correct.
 */
public record Fragment(Expr filter, NearSpec near, Set<String> candidates, List<SortKey> order, int offset,
        Integer limit, Set<String> columns, boolean idsOnly) {

    public Fragment {
        order = List.copyOf(order);
        columns = Set.copyOf(columns);
        candidates = candidates == null ? null : Set.copyOf(candidates);
        if (idsOnly && (near != null || !order.isEmpty() || offset != 0 || limit != null || !columns.isEmpty())) {
            throw new IllegalArgumentException("an ids-only fragment has no near, order, paging or columns");
        }
    }

    /** A fragment whose hits come in the order the class comment describes (not {@code idsOnly}). */
    public Fragment(Expr filter, NearSpec near, Set<String> candidates, List<SortKey> order, int offset,
            Integer limit, Set<String> columns) {
        this(filter, near, candidates, order, offset, limit, columns, false);
    }

    /** A filter-only fragment returning ids ordered by object_id. */
    public static Fragment filter(Expr filter, Set<String> candidates) {
        return new Fragment(filter, null, candidates, List.of(), 0, null, Set.of());
    }

    /**
     * A filter-only fragment asking for the matching ids in any order ({@code idsOnly}): for
     * candidate sets, where sorting the ids would be wasted work.
     */
    public static Fragment candidateIds(Expr filter, Set<String> candidates) {
        return new Fragment(filter, null, candidates, List.of(), 0, null, Set.of(), true);
    }
}
