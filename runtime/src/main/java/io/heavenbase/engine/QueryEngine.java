package io.heavenbase.engine;

import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.QueryRunner;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.QueryValidator;
import io.heavenbase.query.SearchSpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.TextAnalyzers;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.support.Bm25;
import io.heavenbase.spi.support.RowScan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;

/**
 * The read path of one entity: validate, evaluate the filter across backends, run {@code near} on
 * the vector's backend (or rank {@code search} by relevance) with the filter applied before the top-k
 * cut, order and page (pushed down
 * when one backend owns everything), then hydrate the selected columns with one fetch per backend.
 */
final class QueryEngine implements QueryRunner {

    private final StoragePlan plan;
    private final EntityParts parts;
    private final LeafRouting routing;
    private final FilterEvaluation filters;
    private final ReadGuard guard;

    /** Runs a read under the workspace's shared lock. */
    interface ReadGuard {
        <T> T read(Supplier<T> read);
    }

    QueryEngine(StoragePlan plan, Map<String, Backend> backends, ReadGuard guard) {
        this.plan = plan;
        this.parts = new EntityParts(plan, backends);
        this.routing = new LeafRouting(plan, backends);
        this.filters = new FilterEvaluation(parts, routing);
        this.guard = guard;
    }

    @Override
    public ResultFrame execute(QuerySpec raw) {
        QuerySpec spec = QueryValidator.validate(plan.schema(), raw);
        return guard.read(() -> {
            List<String> columns = outputColumns(spec);
            return hydrate(columns, page(spec, columns));
        });
    }

    @Override
    public long count(QuerySpec raw) {
        QuerySpec spec = QueryValidator.validate(plan.schema(), raw);
        return guard.read(() -> {
            if (spec.hybrid()) {
                return (long) hybrid(spec).size();
            }
            if (spec.near() != null) {
                return (long) near(spec.near(), spec.filter()).size();
            }
            if (spec.search() != null) {
                return (long) search(spec.search(), spec.filter()).size();
            }
            if (spec.filter() == null) {
                return parts.count();
            }
            return (long) filters.ids(spec.filter(), null).size();
        });
    }

    @Override
    public Plan explain(QuerySpec raw) {
        QuerySpec spec = QueryValidator.validate(plan.schema(), raw);
        return new QueryExplainer(plan, routing).explain(spec, outputColumns(spec));
    }

    /**
     * An id in result order with its near score (NaN without near) and, when the backend that ranked
     * it already returned every output column, those values (null: hydrate fetches them).
     */
    record Ranked(String id, double score, Map<String, Object> values, Map<String, Object> legs) {
        Ranked(String id, double score) {
            this(id, score, null, null);
        }

        Ranked(String id, double score, Map<String, Object> values) {
            this(id, score, values, null);
        }
    }

    private List<Ranked> page(QuerySpec spec, List<String> output) {
        if (spec.hybrid()) {
            List<Ranked> ranked = hybrid(spec);
            if (!spec.orderBy().isEmpty()) {
                ranked = sortInEngine(ranked, spec.orderBy());
            }
            return slice(ranked, spec.offset(), spec.limit());
        }
        if (spec.ranked()) {
            List<Ranked> ranked = new ArrayList<>();
            List<Hit> hits = spec.near() != null ? near(spec.near(), spec.filter())
                    : search(spec.search(), spec.filter());
            for (Hit hit : hits) {
                ranked.add(new Ranked(hit.objectId(), hit.score()));
            }
            if (!spec.orderBy().isEmpty()) {
                ranked = sortInEngine(ranked, spec.orderBy());
            }
            return slice(ranked, spec.offset(), spec.limit());
        }
        Optional<String> pushed = routing.orderTarget(spec);
        if (pushed.isPresent()) {
            Backend backend = parts.backend(pushed.get());
            EntityLayout layout = plan.part(pushed.get());
            Set<String> columns = columnsOwnedBy(pushed.get(), output);
            Fragment fragment = new Fragment(spec.filter(), null, null, spec.orderBy(), spec.offset(), spec.limit(),
                    columns == null ? Set.of() : columns);
            List<Hit> hits = BackendCalls.call(backend, "query " + plan.entityId(),
                    () -> backend.execute(layout, fragment));
            List<Ranked> ranked = new ArrayList<>(hits.size());
            for (Hit hit : hits) {
                ranked.add(new Ranked(hit.objectId(), Double.NaN, columns == null ? null : hit.columns()));
            }
            return ranked;
        }
        Set<String> ids = spec.filter() == null ? parts.allIds() : filters.ids(spec.filter(), null);
        List<Ranked> ranked = new ArrayList<>(ids.size());
        for (String id : ids) {
            ranked.add(new Ranked(id, Double.NaN));
        }
        return slice(sortInEngine(ranked, spec.orderBy()), spec.offset(), spec.limit());
    }

    /** Near hits, best first, with the filter applied before the top-k cut wherever its fields live. */
    List<Hit> near(NearSpec near, Expr filter) {
        return near(near, filter, remote -> filters.ids(remote, null));
    }

    private List<Hit> near(NearSpec near, Expr filter, Function<Expr, Set<String>> candidateIds) {
        LeafRouting.Route route = routing.route(near.field(), Ops.NEAR);
        Backend backend = parts.backend(route.backend());
        EntityLayout layout = plan.part(route.backend());
        NearFilterSplit split = NearFilterSplit.of(filter, route.backend(), routing, route.nativeOp());
        Set<String> candidates = split.remote() == null ? null : candidateIds.apply(split.remote());
        if (candidates != null && candidates.isEmpty()) {
            return List.of();
        }
        if (route.nativeOp()) {
            Fragment fragment = new Fragment(split.colocated(), near, candidates, List.of(), 0, null, Set.of());
            return BackendCalls.call(backend, "near " + plan.entityId(), () -> backend.execute(layout, fragment));
        }
        Set<String> ids = candidates != null ? candidates : parts.allIds();
        List<Map<String, Object>> rows = new ArrayList<>(parts.fetch(ids, List.of(near.field())).values());
        return RowScan.execute(rows, new Fragment(null, near, null, List.of(), 0, null, Set.of()));
    }

    /**
     * Search hits, best first by BM25 relevance, with the filter applied before the top-k cut wherever its fields
     * live: ranked natively by the field's backend when its capability table says so (the part of the filter it
     * can run goes with the search, the rest becomes candidate ids), else by the engine over the field's values
     * (see {@link TextSearch}).
     */
    List<Hit> search(SearchSpec search, Expr filter) {
        return search(search, filter, remote -> filters.ids(remote, null));
    }

    private List<Hit> search(SearchSpec search, Expr filter, Function<Expr, Set<String>> candidateIds) {
        LeafRouting.Route route = routing.route(search.field(), Ops.SEARCH);
        NearFilterSplit split = NearFilterSplit.of(filter, route.backend(), routing, route.nativeOp());
        Set<String> candidates = split.remote() == null ? null : candidateIds.apply(split.remote());
        if (candidates != null && candidates.isEmpty()) {
            return List.of();
        }
        Analyzer analyzer = TextAnalyzers.of(plan.schema().field(search.field()));
        if (route.nativeOp()) {
            Backend backend = parts.backend(route.backend());
            SearchFragment fragment = new SearchFragment(search.field(),
                    Bm25.analyze(analyzer, search.field(), search.text()).terms(), search.topK(), split.colocated(),
                    candidates);
            return BackendCalls.call(backend, "search " + plan.entityId(),
                    () -> backend.search(plan.part(route.backend()), fragment));
        }
        Map<String, String> texts = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> row : parts.fetch(parts.allIds(), List.of(search.field()))
                .entrySet()) {
            texts.put(row.getKey(), (String) row.getValue().get(search.field()));
        }
        return TextSearch.rank(texts, candidates, search, analyzer);
    }

    /**
     * Both legs of a hybrid query, each with the filter applied before its own top-k cut, fused into one ranking;
     * each row carries what each leg said of it.
     */
    private List<Ranked> hybrid(QuerySpec spec) {
        // both legs usually leave the same part of the filter to other backends: its ids are looked up once
        // (the legs may run side by side: the first to need them computes them, the other waits)
        Map<Expr, Set<String>> candidates = new ConcurrentHashMap<>();
        Function<Expr, Set<String>> candidateIds = remote -> candidates.computeIfAbsent(remote,
                r -> Collections.unmodifiableSet(filters.ids(r, null)));
        LeafRouting.Route textRoute = routing.route(spec.search().field(), Ops.SEARCH);
        LeafRouting.Route vectorRoute = routing.route(spec.near().field(), Ops.NEAR);
        HybridLegs.Legs hits = HybridLegs.run(() -> search(spec.search(), spec.filter(), candidateIds),
                () -> near(spec.near(), spec.filter(), candidateIds), HybridLegs.sideBySide(textRoute, vectorRoute));
        List<Ranked> ranked = new ArrayList<>();
        for (HybridFusion.Fused fused : HybridFusion.fuse(hits.text(), hits.vector(), spec.fusion())) {
            Map<String, Object> legs = new HashMap<>();
            legs.put(Names.SEARCH_RANK, fused.searchRank() == null ? null : (long) fused.searchRank());
            legs.put(Names.SEARCH_SCORE, fused.searchScore());
            legs.put(Names.NEAR_RANK, fused.nearRank() == null ? null : (long) fused.nearRank());
            legs.put(Names.NEAR_SCORE, fused.nearScore());
            ranked.add(new Ranked(fused.id(), fused.score(), null, legs));
        }
        return ranked;
    }

    private List<Ranked> sortInEngine(List<Ranked> ranked, List<SortKey> order) {
        if (order.isEmpty()) {
            ranked.sort((a, b) -> ValueOrder.compareText(a.id(), b.id()));
            return ranked;
        }
        List<String> fields = new ArrayList<>();
        for (SortKey key : order) {
            fields.add(key.field());
        }
        List<String> ids = new ArrayList<>();
        Map<String, Double> scores = new HashMap<>();
        for (Ranked r : ranked) {
            ids.add(r.id());
            scores.put(r.id(), r.score());
        }
        Map<String, Map<String, Object>> values = parts.fetch(ids, fields);
        List<Map<String, Object>> rows = new ArrayList<>(values.size());
        for (Map.Entry<String, Map<String, Object>> entry : values.entrySet()) {
            Map<String, Object> row = new HashMap<>(entry.getValue());
            double score = scores.get(entry.getKey());
            row.put(Names.SCORE, Double.isNaN(score) ? null : score);
            rows.add(row);
        }
        rows.sort(ValueOrder.rows(order));
        Map<String, Ranked> byId = new HashMap<>();
        for (Ranked r : ranked) {
            byId.put(r.id(), r);
        }
        List<Ranked> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            String id = (String) row.get(Names.OBJECT_ID);
            out.add(new Ranked(id, scores.get(id), null, byId.get(id).legs()));
        }
        return out;
    }

    private static List<Ranked> slice(List<Ranked> ranked, int offset, Integer limit) {
        int from = Math.min(offset, ranked.size());
        int to = limit == null ? ranked.size() : (int) Math.min((long) from + limit, ranked.size());
        return new ArrayList<>(ranked.subList(from, to));
    }

    /** Output columns: object_id first, then the selection (all fields when empty), score with near. */
    List<String> outputColumns(QuerySpec spec) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(Names.OBJECT_ID);
        if (spec.select().isEmpty()) {
            for (FieldSchema field : plan.schema().fields()) {
                columns.add(field.name());
            }
            if (spec.ranked()) {
                columns.add(Names.SCORE);
            }
        } else {
            columns.addAll(spec.select());
        }
        return new ArrayList<>(columns);
    }

    /**
     * The stored output columns when every one of them has {@code backend} as its primary placement
     * (the backend hydrate would fetch them from), so the ranking call can return them and hydrate
     * needs no second call; null otherwise.
     */
    private Set<String> columnsOwnedBy(String backend, List<String> output) {
        Set<String> columns = new LinkedHashSet<>();
        for (String column : output) {
            if (column.equals(Names.OBJECT_ID) || column.equals(Names.SCORE) || Names.LEG_COLUMNS.contains(column)) {
                continue;
            }
            if (!plan.placement(column).backend().equals(backend)) {
                return null;
            }
            columns.add(column);
        }
        return columns;
    }

    private ResultFrame hydrate(List<String> columns, List<Ranked> page) {
        List<String> ids = new ArrayList<>(page.size());
        for (Ranked r : page) {
            if (r.values() == null) {
                ids.add(r.id());
            }
        }
        Map<String, Map<String, Object>> values = ids.isEmpty() ? Map.of() : parts.fetch(ids, columns);
        List<Row> rows = new ArrayList<>(page.size());
        for (Ranked r : page) {
            Map<String, Object> found = r.values() != null ? r.values() : values.get(r.id());
            Row.Builder row = Row.builder(columns.size());
            for (String column : columns) {
                if (column.equals(Names.SCORE)) {
                    row.put(column, Double.isNaN(r.score()) ? null : r.score());
                } else if (r.legs() != null && r.legs().containsKey(column)) {
                    row.put(column, r.legs().get(column));
                } else if (column.equals(Names.OBJECT_ID)) {
                    row.put(column, r.id());
                } else {
                    row.put(column, found == null ? null : found.get(column));
                }
            }
            rows.add(row.build());
        }
        return new ResultFrame(columns, rows);
    }
}
