package io.heavenbase.engine;

import io.heavenbase.query.Expr;
import io.heavenbase.query.FilterNormalizer;
import io.heavenbase.query.Op;
import io.heavenbase.spi.FilterBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts filters that are too big for one fragment into pieces that fit a backend's
 * {@link FilterBudget}: the parts of an AND or OR into batches (each combined with the same
 * operator), a long {@code in} list into an OR of shorter ones and a long {@code nin} list into an
 * AND of shorter ones. Every cut keeps the meaning: the caller intersects the batches of an AND and
 * unites those of an OR.
 */
final class FilterBatches {

    private FilterBatches() {
    }

    /**
     * {@code parts}, each of which fits {@code budget} alone, grouped greedily into batches whose
     * AND ({@code conjunction}) or OR fits it.
     */
    static List<Expr> of(List<Expr> parts, FilterBudget budget, boolean conjunction) {
        List<Expr> batches = new ArrayList<>();
        List<Expr> batch = new ArrayList<>();
        int terms = 1;
        for (Expr part : parts) {
            int size = budget.size(part);
            boolean tooDeep = FilterNormalizer.depth(part) + 1 > budget.maxDepth();
            if (!batch.isEmpty() && (tooDeep || terms + size > budget.maxTerms())) {
                batches.add(combine(batch, conjunction));
                batch = new ArrayList<>();
                terms = 1;
            }
            batch.add(part);
            terms += size;
            if (tooDeep) {
                batches.add(combine(batch, conjunction));
                batch = new ArrayList<>();
                terms = 1;
            }
        }
        if (!batch.isEmpty()) {
            batches.add(combine(batch, conjunction));
        }
        return batches;
    }

    /**
     * An {@code in} leaf as an OR, or a {@code nin} leaf as an AND, of leaves with at most
     * {@code maxValues} values each; null when the leaf is no longer list than that.
     */
    static Expr splitList(Expr.Leaf leaf, int maxValues) {
        if ((leaf.op() != Op.IN && leaf.op() != Op.NIN) || !(leaf.value() instanceof List<?> values)
                || values.size() <= maxValues) {
            return null;
        }
        List<Expr> pieces = new ArrayList<>();
        for (int from = 0; from < values.size(); from += maxValues) {
            List<Object> piece = new ArrayList<>(values.subList(from, Math.min(values.size(), from + maxValues)));
            pieces.add(new Expr.Leaf(leaf.field(), leaf.op(), piece));
        }
        return leaf.op() == Op.IN ? new Expr.Or(pieces) : new Expr.And(pieces);
    }

    private static Expr combine(List<Expr> batch, boolean conjunction) {
        if (batch.size() == 1) {
            return batch.get(0);
        }
        return conjunction ? new Expr.And(batch) : new Expr.Or(batch);
    }
}
