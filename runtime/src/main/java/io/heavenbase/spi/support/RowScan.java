package io.heavenbase.spi.support;

import io.heavenbase.query.Evaluator;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.ValueCopy;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Expr;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Executes a {@link Fragment} over rows held in memory, exactly as the Fragment contract says.
 * Used by the inmem and file backends and by the engine's fallback path.
 *
 * <ol>
 * <li>Keep rows whose {@code object_id} is in {@code candidates} (all when null) and that satisfy
 * {@code filter} per {@link Evaluator} (all when null).</li>
 * <li>With {@code near}: rows whose vector field is null (or not a {@code float[]}) are not
 * eligible; the others are scored with {@link Similarity}, ranked by score descending then
 * object_id ascending and cut to {@code topK}. A non-empty {@code order} (which may name
 * {@code score}) then re-sorts those top-k rows.</li>
 * <li>Without near: sorted by {@link ValueOrder#rows} of {@code order} (object_id ascending when
 * empty).</li>
 * <li>Then {@code offset} rows are skipped and at most {@code limit} kept (null: no limit); the
 * engine normally sends offset 0 and no limit with near.</li>
 * </ol>
 * Each hit carries copies ({@link ValueCopy}) of the requested {@code columns} (a column the row
 * lacks is present with a null value; {@code score} is the score) and its score, NaN without near.
 * The input rows are never modified. An {@link Fragment#idsOnly ids-only} fragment gets its
 * hits in row order, unsorted, without columns.
 *
 * <p>Both orders are total (object_id breaks every tie), so keeping only the best
 * {@code topK} (or {@code offset + limit}) rows in a bounded heap gives exactly the rows a full
 * sort followed by the cut would give, without copying or sorting the rest.
 */
public final class RowScan {

    /** Best first: score descending (as {@link Double#compare}), then object_id ascending. */
    private static final Comparator<Scored> BY_SCORE = (a, b) -> {
        int byScore = Double.compare(b.score, a.score);
        return byScore != 0 ? byScore : ValueOrder.compareText(a.id, b.id);
    };

    private RowScan() {
    }

    public static List<Hit> execute(Collection<Map<String, Object>> rows, Fragment fragment) {
        return run(rows, fragment);
    }

    /**
     * As {@link #execute(Collection, Fragment)} over {@code rowsById}'s rows; when the fragment's
     * candidate set is smaller than the table, only the candidates are looked up instead of every
     * row being tested against the set.
     */
    public static List<Hit> execute(Map<String, Map<String, Object>> rowsById, Fragment fragment) {
        Set<String> candidates = fragment.candidates();
        if (candidates != null && candidates.size() < rowsById.size()) {
            List<Map<String, Object>> found = new ArrayList<>(candidates.size());
            for (String id : candidates) {
                Map<String, Object> row = rowsById.get(id);
                if (row != null) {
                    found.add(row);
                }
            }
            return run(found, fragment);
        }
        return run(rowsById.values(), fragment);
    }

    private static List<Hit> run(Collection<Map<String, Object>> rows, Fragment fragment) {
        if (fragment.near() != null) {
            return nearest(rows, fragment);
        }
        if (fragment.idsOnly()) {
            List<Hit> hits = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                if (selects(row, fragment)) {
                    hits.add(new Hit((String) row.get(Names.OBJECT_ID), Double.NaN, Map.of()));
                }
            }
            return hits;
        }
        return ordered(selected(rows, fragment), fragment);
    }

    /** Whether a stored row passes the fragment's candidate ids and filter (as {@link #execute} decides). */
    public static boolean selects(Map<String, Object> row, Fragment fragment) {
        return (fragment.candidates() == null || fragment.candidates().contains(row.get(Names.OBJECT_ID)))
                && (fragment.filter() == null || Evaluator.test(fragment.filter(), row));
    }

    private static List<Map<String, Object>> selected(Collection<Map<String, Object>> rows, Fragment fragment) {
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (selects(row, fragment)) {
                selected.add(row);
            }
        }
        return selected;
    }

    private static List<Hit> ordered(List<Map<String, Object>> rows, Fragment fragment) {
        Comparator<Map<String, Object>> order = ValueOrder.rows(fragment.order());
        int offset = Math.max(fragment.offset(), 0);
        long wanted = fragment.limit() == null ? Long.MAX_VALUE : (long) offset + Math.max(fragment.limit(), 0);
        List<Map<String, Object>> sorted = wanted < rows.size() ? best(rows, order, (int) wanted) : rows;
        sorted.sort(order);
        List<Hit> hits = new ArrayList<>();
        for (Map<String, Object> row : page(sorted, fragment)) {
            hits.add(hit(row, Double.NaN, fragment));
        }
        return hits;
    }

    /** The {@code count} first rows of {@code rows} under {@code order}, in no particular order. */
    private static <T> List<T> best(Collection<T> rows, Comparator<? super T> order, int count) {
        if (count <= 0) {
            return new ArrayList<>();
        }
        PriorityQueue<T> worstFirst = new PriorityQueue<>(Math.min(count, 1024), order.reversed());
        for (T row : rows) {
            offer(worstFirst, row, order, count);
        }
        return new ArrayList<>(worstFirst);
    }

    private static <T> void offer(PriorityQueue<T> worstFirst, T row, Comparator<? super T> order, int count) {
        if (worstFirst.size() < count) {
            worstFirst.add(row);
        } else if (order.compare(row, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(row);
        }
    }

    private static List<Hit> nearest(Collection<Map<String, Object>> rows, Fragment fragment) {
        NearSpec near = fragment.near();
        if (near.topK() <= 0) {
            return List.of();
        }
        Similarity.Scorer scorer = Similarity.scorer(near.metric(), near.vector());
        TopK top = new TopK(near.topK());
        String field = near.field();
        for (Map<String, Object> row : rows) {
            Object stored = row.get(field);
            if (stored instanceof float[] && selects(row, fragment)) {
                top.offer(row, null, scorer.score((float[]) stored));
            }
        }
        return top.hits(fragment);
    }

    /**
     * As {@link #execute(Collection, Fragment)} for a near fragment on {@code column}'s field, over
     * the rows of the column (the rows of a table that have a vector there): when the candidate set
     * is smaller than the column, only the candidates are looked up.
     */
    public static List<Hit> nearest(VectorColumn column, Fragment fragment) {
        NearSpec near = fragment.near();
        if (near == null || !near.field().equals(column.field())) {
            throw new IllegalArgumentException("a near on '" + column.field() + "' is needed");
        }
        if (near.topK() <= 0) {
            return List.of();
        }
        Similarity.Scorer scorer = Similarity.scorer(near.metric(), near.vector());
        TopK top = new TopK(near.topK());
        Set<String> candidates = fragment.candidates();
        Expr filter = fragment.filter();
        if (candidates != null && candidates.size() < column.size()) {
            for (String id : candidates) {
                int i = column.position(id);
                if (i >= 0 && (filter == null || Evaluator.test(filter, column.row(i)))) {
                    top.offer(column.row(i), column.id(i), scorer.score(column.vector(i)));
                }
            }
        } else {
            for (int i = 0; i < column.size(); i++) {
                if (selects(column.row(i), fragment)) {
                    top.offer(column.row(i), column.id(i), scorer.score(column.vector(i)));
                }
            }
        }
        return top.hits(fragment);
    }

    /** The best {@code k} scored rows seen so far, in a bounded heap (worst on top). */
    private static final class TopK {
        private final int k;
        private final PriorityQueue<Scored> worstFirst;

        TopK(int k) {
            this.k = k;
            this.worstFirst = new PriorityQueue<>(Math.min(k, 1024), BY_SCORE.reversed());
        }

        /** Offers a row; {@code id} may be null (then read from the row only when needed). */
        void offer(Map<String, Object> row, String id, double score) {
            if (worstFirst.size() == k) {
                // Most rows lose to the current k-th best: reject them before allocating anything.
                Scored worst = worstFirst.peek();
                int byScore = Double.compare(worst.score, score);
                if (byScore > 0) {
                    return;
                }
                if (byScore == 0) {
                    id = id != null ? id : (String) row.get(Names.OBJECT_ID);
                    if (ValueOrder.compareText(id, worst.id) >= 0) {
                        return;
                    }
                }
            }
            Scored scored = new Scored(row, id != null ? id : (String) row.get(Names.OBJECT_ID), score);
            RowScan.offer(worstFirst, scored, BY_SCORE, k);
        }

        /** The kept rows best first, re-sorted by the fragment's order if any, then paged, as hits. */
        List<Hit> hits(Fragment fragment) {
            List<Scored> top = new ArrayList<>(worstFirst);
            top.sort(BY_SCORE);
            if (!fragment.order().isEmpty()) {
                Comparator<Map<String, Object>> order = ValueOrder.rows(fragment.order());
                top.sort((a, b) -> order.compare(a.withScore(), b.withScore()));
            }
            List<Hit> hits = new ArrayList<>();
            for (Scored scored : page(top, fragment)) {
                hits.add(hit(scored.row, scored.score, fragment));
            }
            return hits;
        }
    }

    private static <T> List<T> page(List<T> rows, Fragment fragment) {
        int from = Math.min(Math.max(fragment.offset(), 0), rows.size());
        int to = fragment.limit() == null ? rows.size() : (int) Math.min((long) from + Math.max(fragment.limit(), 0),
                rows.size());
        return rows.subList(from, to);
    }

    private static Hit hit(Map<String, Object> row, double score, Fragment fragment) {
        Map<String, Object> columns = new HashMap<>();
        for (String column : fragment.columns()) {
            columns.put(column, column.equals(Names.SCORE) && fragment.near() != null ? Double.valueOf(score)
                    : ValueCopy.of(row.get(column)));
        }
        return new Hit((String) row.get(Names.OBJECT_ID), score, columns);
    }

    /** A row with its near score; the map view with {@code score} is built only when an order needs it. */
    private static final class Scored {
        private final Map<String, Object> row;
        private final String id;
        private final double score;
        private Map<String, Object> withScore;

        Scored(Map<String, Object> row, String id, double score) {
            this.row = row;
            this.id = id;
            this.score = score;
        }

        Map<String, Object> withScore() {
            if (withScore == null) {
                withScore = new HashMap<>(row);
                withScore.put(Names.SCORE, score);
            }
            return withScore;
        }
    }
}
