package io.heavenbase.engine;

import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.query.TextAnalyzers;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Computes the ids satisfying a filter across backends. A subtree one backend can run natively is
 * pushed down whole; an AND pushes its co-located groups first and hands their ids on as the
 * candidate set; OR unions; NOT subtracts from the candidate (or entity) id set; a leaf no backend
 * runs natively is evaluated in the engine on values fetched for the current candidates only.
 * Nothing bigger than a backend's {@link io.heavenbase.spi.FilterBudget} is pushed: ANDs and ORs go
 * in batches that fit ({@link FilterBatches}) and long in/nin lists in pieces.
 */
record FilterEvaluation(EntityParts parts, LeafRouting routing) {

    /** Ids of rows matching {@code expr} among {@code candidates} (null: all rows). */
    Set<String> ids(Expr expr, Set<String> candidates) {
        Optional<String> target = routing.pushTarget(expr);
        if (target.isPresent()) {
            return pushed(target.get(), expr, candidates);
        }
        if (expr instanceof Expr.And and) {
            return and(and, candidates);
        }
        if (expr instanceof Expr.Or or) {
            return or(or, candidates);
        }
        if (expr instanceof Expr.Not not) {
            Set<String> universe = new HashSet<>(candidates != null ? candidates : parts.allIds());
            universe.removeAll(ids(not.child(), candidates));
            return universe;
        }
        Expr.Leaf leaf = (Expr.Leaf) expr;
        Expr pieces = longList(leaf);
        return pieces != null ? ids(pieces, candidates) : fallbackLeaf(leaf, candidates);
    }

    /** An in/nin leaf that runs natively but is too long for one fragment, cut into pieces; else null. */
    private Expr longList(Expr.Leaf leaf) {
        LeafRouting.Route route = routing.route(leaf);
        if (!route.nativeOp()) {
            return null;
        }
        return FilterBatches.splitList(leaf, routing.budget(route.backend()).maxListValues());
    }

    private Set<String> and(Expr.And and, Set<String> candidates) {
        Map<String, List<Expr>> groups = new LinkedHashMap<>();
        List<Expr> rest = new ArrayList<>();
        group(and.children(), groups, rest);
        Set<String> current = candidates;
        for (Map.Entry<String, List<Expr>> group : groups.entrySet()) {
            for (Expr batch : FilterBatches.of(group.getValue(), routing.budget(group.getKey()), true)) {
                current = pushed(group.getKey(), batch, current);
                if (current.isEmpty()) {
                    return current;
                }
            }
        }
        for (Expr child : rest) {
            current = ids(child, current);
            if (current.isEmpty()) {
                return current;
            }
        }
        return current == null ? new HashSet<>(parts.allIds()) : current;
    }

    private Set<String> or(Expr.Or or, Set<String> candidates) {
        Map<String, List<Expr>> groups = new LinkedHashMap<>();
        List<Expr> rest = new ArrayList<>();
        group(or.children(), groups, rest);
        Set<String> union = new HashSet<>();
        for (Map.Entry<String, List<Expr>> group : groups.entrySet()) {
            for (Expr batch : FilterBatches.of(group.getValue(), routing.budget(group.getKey()), false)) {
                union.addAll(pushed(group.getKey(), batch, candidates));
            }
        }
        for (Expr child : rest) {
            union.addAll(ids(child, candidates));
        }
        return union;
    }

    /** Sorts {@code children} into those one backend runs whole (by backend) and the rest. */
    private void group(List<Expr> children, Map<String, List<Expr>> groups, List<Expr> rest) {
        for (Expr child : children) {
            Optional<String> target = routing.pushTarget(child);
            if (target.isPresent()) {
                groups.computeIfAbsent(target.get(), b -> new ArrayList<>()).add(child);
            } else {
                rest.add(child);
            }
        }
    }

    Set<String> pushed(String backendName, Expr expr, Set<String> candidates) {
        if (candidates != null && candidates.isEmpty()) {
            return new HashSet<>();
        }
        Backend backend = parts.backend(backendName);
        EntityLayout layout = parts.plan().part(backendName);
        List<Hit> hits = BackendCalls.call(backend, "query " + parts.plan().entityId(),
                () -> backend.execute(layout, Fragment.candidateIds(expr, candidates)));
        // Every id set here is used as a set (candidates, unions, counts), never in order.
        Set<String> out = new HashSet<>(Math.max(16, (int) (hits.size() / 0.75f) + 1));
        for (Hit hit : hits) {
            out.add(hit.objectId());
        }
        return out;
    }

    /** The analyzer of a field of the entity, for {@code match} evaluated here. */
    private Analyzer analyzer(String field) {
        return TextAnalyzers.of(parts.plan().schema().field(field));
    }

    private Set<String> fallbackLeaf(Expr.Leaf leaf, Set<String> candidates) {
        Set<String> ids = candidates != null ? candidates : parts.allIds();
        Set<String> out = new HashSet<>();
        if (leaf.field().equals(Names.OBJECT_ID)) {
            for (String id : ids) {
                if (Evaluator.test(leaf, Map.of(Names.OBJECT_ID, id))) {
                    out.add(id);
                }
            }
            return out;
        }
        for (Map.Entry<String, Map<String, Object>> row : parts.fetch(ids, List.of(leaf.field())).entrySet()) {
            if (Evaluator.test(leaf, row.getValue(), this::analyzer)) {
                out.add(row.getKey());
            }
        }
        return out;
    }
}
