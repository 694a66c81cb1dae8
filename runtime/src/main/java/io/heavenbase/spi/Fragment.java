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
 */
public record Fragment(Expr filter, NearSpec near, Set<String> candidates, List<SortKey> order, int offset,
        Integer limit, Set<String> columns) {

    public Fragment {
        order = List.copyOf(order);
        columns = Set.copyOf(columns);
        candidates = candidates == null ? null : Set.copyOf(candidates);
    }

    /** A filter-only fragment returning ids. */
    public static Fragment filter(Expr filter, Set<String> candidates) {
        return new Fragment(filter, null, candidates, List.of(), 0, null, Set.of());
    }
}
