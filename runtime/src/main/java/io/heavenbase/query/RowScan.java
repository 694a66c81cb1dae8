package io.heavenbase.query;

import io.heavenbase.schema.Names;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a {@link Fragment} over rows held in memory, exactly as the Fragment contract says.
 * Used by the inmem and file backends and by the engine's fallback path.
 *
 * <ol>
 * <li>Keep rows whose {@code object_id} is in {@code candidates} (all when null) and that satisfy
 * {@code filter} per {@link Evaluator} (all when null).</li>
 * <li>With {@code near}: rows whose vector field is null (or not a {@code float[]}) are not
 * eligible; the others are scored with {@link Similarity}, sorted by score descending then
 * object_id ascending and cut to {@code topK}. A non-empty {@code order} (which may name
 * {@code score}) then re-sorts those top-k rows.</li>
 * <li>Without near: sorted by {@link ValueOrder#rows} of {@code order} (object_id ascending when
 * empty).</li>
 * <li>Then {@code offset} rows are skipped and at most {@code limit} kept (null: no limit); the
 * engine normally sends offset 0 and no limit with near.</li>
 * </ol>
 * Each hit carries copies ({@link ValueCopy}) of the requested {@code columns} (a column the row
 * lacks is present with a null value; {@code score} is the score) and its score, NaN without near.
 * The input rows are never modified.
 */
public final class RowScan {

    private static final Comparator<Map<String, Object>> BY_SCORE = Comparator
            .<Map<String, Object>>comparingDouble(row -> (Double) row.get(Names.SCORE)).reversed()
            .thenComparing(row -> (String) row.get(Names.OBJECT_ID), ValueOrder::compareText);

    private RowScan() {
    }

    public static List<Hit> execute(Collection<Map<String, Object>> rows, Fragment fragment) {
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (isCandidate(row, fragment) && (fragment.filter() == null || Evaluator.test(fragment.filter(), row))) {
                selected.add(row);
            }
        }
        List<Map<String, Object>> ordered = fragment.near() == null ? sorted(selected, fragment)
                : nearest(selected, fragment);
        return page(ordered, fragment);
    }

    private static boolean isCandidate(Map<String, Object> row, Fragment fragment) {
        return fragment.candidates() == null || fragment.candidates().contains(row.get(Names.OBJECT_ID));
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, Fragment fragment) {
        rows.sort(ValueOrder.rows(fragment.order()));
        return rows;
    }

    private static List<Map<String, Object>> nearest(List<Map<String, Object>> rows, Fragment fragment) {
        NearSpec near = fragment.near();
        List<Map<String, Object>> scored = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object stored = row.get(near.field());
            if (stored instanceof float[]) {
                Map<String, Object> withScore = new HashMap<>(row);
                withScore.put(Names.SCORE, Similarity.score(near.metric(), (float[]) stored, near.vector()));
                scored.add(withScore);
            }
        }
        scored.sort(BY_SCORE);
        List<Map<String, Object>> top = new ArrayList<>(scored.subList(0, Math.min(near.topK(), scored.size())));
        if (!fragment.order().isEmpty()) {
            top.sort(ValueOrder.rows(fragment.order()));
        }
        return top;
    }

    private static List<Hit> page(List<Map<String, Object>> rows, Fragment fragment) {
        int from = Math.min(Math.max(fragment.offset(), 0), rows.size());
        int to = fragment.limit() == null ? rows.size() : (int) Math.min((long) from + Math.max(fragment.limit(), 0),
                rows.size());
        List<Hit> hits = new ArrayList<>(to - from);
        for (Map<String, Object> row : rows.subList(from, to)) {
            hits.add(hit(row, fragment));
        }
        return hits;
    }

    private static Hit hit(Map<String, Object> row, Fragment fragment) {
        Map<String, Object> columns = new HashMap<>();
        for (String column : fragment.columns()) {
            columns.put(column, ValueCopy.of(row.get(column)));
        }
        Object score = row.get(Names.SCORE);
        double value = fragment.near() != null && score instanceof Double ? (Double) score : Double.NaN;
        return new Hit((String) row.get(Names.OBJECT_ID), value, columns);
    }
}
