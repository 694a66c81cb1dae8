package io.heavenbase.backend.lance;

import io.heavenbase.query.NearSpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.NearWidening;
import io.heavenbase.spi.support.RowScan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a pushed-down {@link Fragment} on one dataset.
 *
 * <ul>
 * <li>The filter is compiled by {@link LanceFilter} and evaluated by Lance during the scan;
 * candidates are added to it as {@code object_id IN (...)} when there are at most
 * {@value #ID_PUSHDOWN} of them, and checked on the scanned rows in any case.</li>
 * <li>Only {@code object_id} and the columns the fragment needs are read. Ordering (by code point
 * for text, nulls last ascending, ties by object_id), offset and limit are then applied to the
 * scanned rows by {@link RowScan}: lance-core 0.39's Java binding cannot import the sliced batches
 * that Lance's own ORDER BY with an offset returns (IndexOutOfBoundsException).</li>
 * <li>{@code near} is exact up to {@code exact-near-limit} eligible rows: each one's stored vector
 * is scored with {@link io.heavenbase.query.Similarity}. Above that, Lance's nearest-neighbour
 * search (IVF index for cosine when built, otherwise a flat scan) is asked for
 * {@code max(4k, 100)} rows; because Lance applies the filter after that cut, the request widens
 * (x4) until k eligible rows survive, and at the size of the table the exact scan runs instead. The
 * rows found are re-scored exactly, so scores are always the engine's higher-is-closer values.</li>
 * </ul>
 */
record LanceFragments(String backend, LanceTables tables, LanceSettings settings) {

    /** Largest candidate set written into the filter. */
    static final int ID_PUSHDOWN = 1000;
    private static final int MIN_NEAREST = 100;

    List<Hit> execute(EntityLayout layout, Fragment fragment) {
        Set<String> candidates = fragment.candidates();
        if (candidates != null && candidates.isEmpty()) {
            return List.of();
        }
        String where = new LanceFilter(backend, layout).compile(fragment.filter());
        if (candidates != null && candidates.size() <= ID_PUSHDOWN) {
            where = and(where, LanceFilter.idsIn(candidates));
        }
        List<String> columns = columns(layout, fragment);
        List<Map<String, Object>> rows = fragment.near() == null ? scan(layout, where, columns)
                : nearRows(layout, where, columns, fragment);
        Fragment rest = new Fragment(null, fragment.near(), candidates, fragment.order(), fragment.offset(),
                fragment.limit(), fragment.columns());
        return RowScan.execute(rows, rest);
    }

    /** Rows among which the top k eligible ones are, as described in the class comment. */
    private List<Map<String, Object>> nearRows(EntityLayout layout, String where, List<String> columns,
            Fragment fragment) {
        Set<String> candidates = fragment.candidates();
        if (candidates != null && candidates.size() <= settings.exactNearLimit()
                || tables.count(layout, where) <= settings.exactNearLimit()) {
            return scan(layout, where, columns);
        }
        NearSpec near = fragment.near();
        long total = tables.count(layout, null);
        return NearWidening.widen(NearWidening.firstRequest(near.topK(), MIN_NEAREST), total, want -> {
            List<Map<String, Object>> rows = tables.nearest(layout, where, columns, near.field(), near.vector(),
                    (int) want, near.metric());
            return eligible(rows, candidates, near.field()) >= near.topK() ? Optional.of(rows) : Optional.empty();
        }).orElseGet(() -> scan(layout, where, columns));
    }

    private static long eligible(List<Map<String, Object>> rows, Set<String> candidates, String field) {
        return rows.stream().filter(row -> row.get(field) != null)
                .filter(row -> candidates == null || candidates.contains(row.get(Names.OBJECT_ID))).count();
    }

    private List<Map<String, Object>> scan(EntityLayout layout, String where, List<String> columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        tables.scan(layout, where, columns, rows::add);
        return rows;
    }

    private static List<String> columns(EntityLayout layout, Fragment fragment) {
        Set<String> columns = new LinkedHashSet<>();
        if (fragment.near() != null) {
            columns.add(fragment.near().field());
        }
        for (SortKey key : fragment.order()) {
            columns.add(key.field());
        }
        columns.addAll(fragment.columns());
        columns.removeIf(column -> !layout.has(column));
        return new ArrayList<>(columns);
    }

    private static String and(String left, String right) {
        return left == null ? right : "(" + left + ") AND " + right;
    }
}
