package io.heavenbase.engine;

import io.heavenbase.query.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter of a near query split in two: the part the vector's backend runs inside its scan
 * ({@code colocated}, a combined scan) and the rest, evaluated first into a candidate id set
 * ({@code remote}). Either may be null. With a fallback near, everything is remote.
 */
record NearFilterSplit(Expr colocated, Expr remote) {

    static NearFilterSplit of(Expr filter, String vectorBackend, LeafRouting routing, boolean nativeNear) {
        if (filter == null) {
            return new NearFilterSplit(null, null);
        }
        if (!nativeNear) {
            return new NearFilterSplit(null, filter);
        }
        if (routing.pushable(filter, vectorBackend)) {
            return new NearFilterSplit(filter, null);
        }
        if (!(filter instanceof Expr.And and)) {
            return new NearFilterSplit(null, filter);
        }
        List<Expr> colocated = new ArrayList<>();
        List<Expr> remote = new ArrayList<>();
        for (Expr child : and.children()) {
            (routing.pushable(child, vectorBackend) ? colocated : remote).add(child);
        }
        // the scan takes one batch within the backend's budget; further batches become candidates
        List<Expr> batches = FilterBatches.of(colocated, routing.budget(vectorBackend), true);
        for (int i = 1; i < batches.size(); i++) {
            remote.add(batches.get(i));
        }
        return new NearFilterSplit(batches.isEmpty() ? null : batches.get(0), combine(remote));
    }

    private static Expr combine(List<Expr> exprs) {
        if (exprs.isEmpty()) {
            return null;
        }
        return exprs.size() == 1 ? exprs.get(0) : new Expr.And(exprs);
    }
}
