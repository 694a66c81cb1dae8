package io.heavenbase.engine;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Fusion;
import io.heavenbase.Plan;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.routing.Placement;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link Plan} of a query from the same routing decisions execution uses, running nothing. */
record QueryExplainer(StoragePlan plan, LeafRouting routing) {

    Plan explain(QuerySpec spec, List<String> columns) {
        List<Plan.Step> steps = new ArrayList<>();
        NearFilterSplit split = null;
        LeafRouting.Route nearRoute = null;
        LeafRouting.Route searchRoute = spec.search() == null ? null : routing.route(spec.search().field(), Ops.SEARCH);
        NearFilterSplit searchSplit = searchRoute == null ? null
                : NearFilterSplit.of(spec.filter(), searchRoute.backend(), routing, searchRoute.nativeOp());
        String ranking = "near";
        if (spec.near() != null) {
            nearRoute = routing.route(spec.near().field(), Ops.NEAR);
            split = NearFilterSplit.of(spec.filter(), nearRoute.backend(), routing, nearRoute.nativeOp());
        } else if (searchRoute != null) {
            // a search alone: filter leaves it runs with the ranking are shown on its backend
            nearRoute = searchRoute;
            split = searchSplit;
            ranking = "search";
        }
        if (spec.filter() != null) {
            Set<Expr.Leaf> colocated = new LinkedHashSet<>(split == null || split.colocated() == null ? List.of()
                    : split.colocated().leaves());
            Optional<String> whole = routing.pushTarget(spec.filter());
            for (Expr.Leaf leaf : spec.filter().leaves()) {
                LeafRouting.Route route = colocated.contains(leaf)
                        ? new LeafRouting.Route(nearRoute.backend(), nearRoute.type(),
                                strategyOn(leaf.field(), nearRoute.backend()), true)
                        : whole.isPresent() ? new LeafRouting.Route(whole.get(), routing.type(whole.get()),
                                strategyOn(leaf.field(), whole.get()), true) : routing.route(leaf);
                String detail = joined(colocated.contains(leaf) ? "combined_scan with " + ranking : "",
                        fullTextDetail(leaf, route));
                steps.add(step("filter", route, leaf.field(), leaf.op().id(), detail));
            }
        }
        if (spec.near() != null) {
            String detail = split.colocated() != null && split.remote() != null ? "combined_scan, candidate_ids"
                    : split.colocated() != null ? "combined_scan"
                    : split.remote() != null ? "candidate_ids" : "";
            steps.add(step("near", nearRoute, spec.near().field(), Ops.NEAR, detail));
        }
        if (searchRoute != null) {
            String how = (searchRoute.nativeOp()
                    ? "BM25 (Lucene's formula, k1=1.2, b=0.75) from the field's term statistics on the backend"
                    : "engine BM25 (Lucene, k1=1.2, b=0.75) over the field's values")
                    + ", analyzer " + plan.schema().field(spec.search().field()).analyzer().id();
            String filtered = searchSplit.colocated() != null && searchSplit.remote() != null
                    ? "combined_scan, candidate_ids"
                    : searchSplit.colocated() != null ? "combined_scan"
                    : searchSplit.remote() != null ? "candidate_ids" : "";
            steps.add(step("search", searchRoute, spec.search().field(), Ops.SEARCH, joined(how, filtered)));
        }
        if (spec.hybrid()) {
            Fusion fusion = spec.fusion() == null ? Fusion.rrf() : spec.fusion();
            String how = fusion.method() == Fusion.Method.RRF ? "reciprocal rank fusion, k=" + fusion.rankConstant()
                    : "weighted min-max scores, search=" + fusion.searchWeight() + ", near=" + fusion.nearWeight();
            steps.add(new Plan.Step("fuse", null, null, Names.SCORE, null, fusion.method().id(),
                    ExecutionMode.FALLBACK, how + "; search top " + spec.search().topK() + ", near top "
                            + spec.near().topK() + (HybridLegs.sideBySide(searchRoute, nearRoute)
                            ? "; the legs run side by side" : "; the legs run one after the other")));
        }
        for (SortKey key : spec.orderBy()) {
            steps.add(orderStep(spec, key));
        }
        Set<String> fetchBackends = new LinkedHashSet<>();
        for (String column : columns) {
            if (!column.equals(Names.OBJECT_ID) && !column.equals(Names.SCORE) && !Names.LEG_COLUMNS.contains(column)) {
                fetchBackends.add(plan.placement(column).backend());
            }
        }
        for (String backend : fetchBackends) {
            steps.add(new Plan.Step("fetch", backend, routing.type(backend), null, null, "fetch", ExecutionMode.NATIVE,
                    "one batched fetch"));
        }
        return new Plan(plan.entityId(), steps);
    }

    private Plan.Step orderStep(QuerySpec spec, SortKey key) {
        String op = key.descending() ? "order desc" : "order";
        if (key.field().equals(Names.SCORE)) {
            return new Plan.Step("order", null, null, Names.SCORE, null, op, ExecutionMode.FALLBACK, "engine sort");
        }
        LeafRouting.Route route = routing.route(key.field(), Ops.ORDER);
        boolean pushed = !spec.ranked() && routing.orderTarget(spec).isPresent();
        LeafRouting.Route shown = new LeafRouting.Route(route.backend(), route.type(), route.strategy(), pushed);
        return step("order", shown, key.field(), op, pushed ? "pushed with limit/offset" : "engine sort");
    }

    /**
     * For a leaf on a backend that keeps full-text indexes for its op: whether the field's index
     * answers it, or (without one) whether the database scans or the engine evaluates.
     */
    private String fullTextDetail(Expr.Leaf leaf, LeafRouting.Route route) {
        if (routing.analyzedInEngine(leaf.field(), leaf.op().id())) {
            return "analyzer " + plan.schema().field(leaf.field()).analyzer().id() + ", evaluated in the engine";
        }
        Boolean used = routing.fullTextIndexUsed(leaf.field(), leaf.op().id(), route.backend());
        if (used == null) {
            return "";
        }
        return used ? "full-text index" : route.nativeOp() ? "no full-text index, scan" : "no full-text index";
    }

    private static String joined(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + ", " + second;
    }

    private io.heavenbase.schema.Strategy strategyOn(String field, String backend) {
        if (field.equals(Names.OBJECT_ID)) {
            return io.heavenbase.schema.Strategy.INLINE_COLUMN;
        }
        for (Placement placement : plan.placements(field)) {
            if (placement.backend().equals(backend)) {
                return placement.strategy();
            }
        }
        return plan.placement(field).strategy();
    }

    private static Plan.Step step(String node, LeafRouting.Route route, String field, String op, String detail) {
        return new Plan.Step(node, route.backend(), route.type(), field,
                route.strategy() == null ? null : route.strategy().id(), op,
                route.nativeOp() ? ExecutionMode.NATIVE : ExecutionMode.FALLBACK, detail);
    }
}
