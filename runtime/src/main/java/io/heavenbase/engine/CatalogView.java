package io.heavenbase.engine;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.ValidationException;
import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.QueryRunner;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.QueryValidator;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.system.CatalogRows;
import io.heavenbase.system.SystemEntities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code sys-catalog} entity as a view: its rows are derived, when it is read, from the rows of
 * every registered user entity ({@link CatalogRows#catalogRow}), so nothing is written to keep it
 * and it can never drift.
 *
 * <p>A query runs per entity: its filter is rewritten into a filter on the entity's fields
 * ({@link CatalogMapping}) and pushed down through the entity's own read path, which routes each
 * leaf to the backend holding the field. Only the fields needed to re-check an inexact rewrite and
 * to order are read at first; the derived rows of all entities are then merged in the catalog order
 * (the order keys, ties by the catalog {@code object_id}), paged, and the selected columns of the
 * page are fetched. With a limit, an exact filter and an order the entity can sort by, each entity
 * contributes only its first {@code offset + limit} rows (plus the rows tied with the last of them).
 */
final class CatalogView implements QueryRunner {

    private static final EntitySchema SCHEMA = SystemEntities.catalog();
    private static final List<String> COLUMNS = SCHEMA.fieldNames();

    private final Supplier<Collection<StoragePlan>> entities;
    private final Map<String, Backend> backends;
    private final QueryEngine.ReadGuard guard;

    /**
     * @param entities the registered user entities, read under the guard at each call
     */
    CatalogView(Supplier<Collection<StoragePlan>> entities, Map<String, Backend> backends,
            QueryEngine.ReadGuard guard) {
        this.entities = entities;
        this.backends = backends;
        this.guard = guard;
    }

    /** The catalog's schema, which queries are validated against. */
    static EntitySchema schema() {
        return SCHEMA;
    }

    @Override
    public ResultFrame execute(QuerySpec raw) {
        QuerySpec spec = validated(raw);
        return guard.read(() -> {
            List<Derived> rows = new ArrayList<>();
            for (StoragePlan plan : entities.get()) {
                rows.addAll(candidates(new CatalogMapping(plan.schema()), plan, spec));
            }
            Comparator<Map<String, Object>> order = ValueOrder.rows(spec.orderBy());
            rows.sort((a, b) -> order.compare(a.row(), b.row()));
            return hydrate(outputColumns(spec), slice(rows, spec.offset(), spec.limit()));
        });
    }

    @Override
    public long count(QuerySpec raw) {
        QuerySpec spec = validated(raw);
        return guard.read(() -> {
            long count = 0;
            for (StoragePlan plan : entities.get()) {
                CatalogMapping mapping = new CatalogMapping(plan.schema());
                CatalogMapping.Bounds bounds = mapping.rewrite(spec.filter());
                if (bounds.none()) {
                    continue;
                }
                if (bounds.exact()) {
                    count += engine(plan).count(new QuerySpec(bounds.pushed(), null, List.of(), List.of(), 0, null));
                } else {
                    count += candidates(mapping, plan, spec.withOffset(0).withLimit(null)).size();
                }
            }
            return count;
        });
    }

    @Override
    public Plan explain(QuerySpec raw) {
        QuerySpec spec = validated(raw);
        return guard.read(() -> {
            List<Plan.Step> steps = new ArrayList<>();
            for (StoragePlan plan : entities.get()) {
                CatalogMapping mapping = new CatalogMapping(plan.schema());
                CatalogMapping.Bounds bounds = mapping.rewrite(spec.filter());
                String entity = "entity " + plan.entityId();
                if (bounds.none()) {
                    steps.add(new Plan.Step("derive", null, null, null, null, "skip", ExecutionMode.NATIVE,
                            entity + ": the filter excludes every row"));
                    continue;
                }
                steps.add(new Plan.Step("derive", null, null, null, null, "derive",
                        bounds.exact() ? ExecutionMode.NATIVE : ExecutionMode.FALLBACK,
                        entity + (bounds.exact() ? ": filter pushed down exactly"
                                : ": filter pushed down as a wider one, re-checked in the engine")));
                for (Plan.Step step : engine(plan).explain(firstPass(mapping, bounds, spec)).steps()) {
                    String detail = step.detail() == null || step.detail().isEmpty() ? entity
                            : entity + ", " + step.detail();
                    steps.add(new Plan.Step(step.node(), step.backend(), step.type(), step.field(), step.strategy(),
                            step.op(), step.mode(), detail));
                }
            }
            for (SortKey key : spec.orderBy()) {
                steps.add(new Plan.Step("order", null, null, key.field(), null, key.descending() ? "order desc" : "order",
                        ExecutionMode.FALLBACK, "merge of the entities' rows in the engine"));
            }
            return new Plan(SCHEMA.id(), steps);
        });
    }

    /** The catalog row of this catalog id, searched among every entity's ids (the id is a hash). */
    Optional<Row> get(String catalogId) {
        ResultFrame found = execute(new QuerySpec(new Expr.Leaf(Names.OBJECT_ID, Op.EQ, catalogId), null, List.of(),
                List.of(), 0, 1));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.rows().get(0));
    }

    /** A derived catalog row (holding the columns read so far) and the entity it describes. */
    private record Derived(StoragePlan plan, Map<String, Object> row) {
        String targetId() {
            return (String) row.get(CatalogMapping.TARGET_ID);
        }
    }

    /**
     * The catalog rows of one entity that satisfy the filter, holding the columns needed to order
     * them; with a limit and an order the entity can sort by, only those that may reach the page.
     */
    /** The query checked against the catalog's schema; the catalog is not searchable by relevance. */
    private static QuerySpec validated(QuerySpec raw) {
        QuerySpec spec = QueryValidator.validate(SCHEMA, raw);
        if (spec.search() != null) {
            throw new ValidationException(SCHEMA.id(), "search", "operator",
                    "search ranks an entity's rows by relevance; the catalog cannot be searched that way: use match");
        }
        return spec;
    }

    private List<Derived> candidates(CatalogMapping mapping, StoragePlan plan, QuerySpec spec) {
        CatalogMapping.Bounds bounds = mapping.rewrite(spec.filter());
        if (bounds.none()) {
            return List.of();
        }
        QuerySpec first = firstPass(mapping, bounds, spec);
        QueryEngine engine = engine(plan);
        List<Row> rows;
        Optional<List<SortKey>> order = spec.limit() != null && bounds.exact() ? mapping.order(spec.orderBy())
                : Optional.empty();
        if (order.isPresent()) {
            rows = firstRowsWithTies(engine, first, order.get(), (int) Math.min(Integer.MAX_VALUE,
                    (long) spec.offset() + spec.limit()));
        } else {
            rows = engine.execute(first).rows();
        }
        List<Derived> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> derived = CatalogRows.catalogRow(plan.schema(), row);
            if (bounds.exact() || Evaluator.test(spec.filter(), derived)) {
                out.add(new Derived(plan, derived));
            }
        }
        return out;
    }

    /**
     * The entity query of the first pass: the pushed filter, and as columns the entity fields the
     * catalog order needs and, when the filter is re-checked in the engine, those it reads.
     */
    private static QuerySpec firstPass(CatalogMapping mapping, CatalogMapping.Bounds bounds, QuerySpec spec) {
        Set<String> columns = new LinkedHashSet<>();
        spec.orderBy().forEach(key -> columns.add(key.field()));
        if (!bounds.exact()) {
            spec.filter().leaves().forEach(leaf -> columns.add(leaf.field()));
        }
        List<String> fields = mapping.entityFields(columns);
        return new QuerySpec(bounds.pushed(), null, fields.isEmpty() ? List.of(Names.OBJECT_ID) : fields, List.of(),
                0, null);
    }

    /**
     * The first {@code wanted} rows of the entity in {@code order}, plus every row tied with the last
     * of them on the order keys: the catalog breaks those ties by its own id, so any of them may
     * belong to the page. Rows after the tied ones sort after all of these in the catalog too.
     */
    private static List<Row> firstRowsWithTies(QueryEngine engine, QuerySpec first, List<SortKey> order, int wanted) {
        QuerySpec ordered = first.withLimit(wanted);
        for (SortKey key : order) {
            ordered = ordered.withOrder(key);
        }
        List<Row> rows = engine.execute(ordered).rows();
        boolean unique = order.get(order.size() - 1).field().equals(Names.OBJECT_ID);
        if (rows.size() < wanted || wanted == 0 || unique) {
            return rows;
        }
        Row last = rows.get(rows.size() - 1);
        List<Expr> tie = new ArrayList<>();
        for (SortKey key : order) {
            Object value = last.get(key.field());
            tie.add(value == null ? new Expr.Leaf(key.field(), Op.NULL, Boolean.TRUE)
                    : new Expr.Leaf(key.field(), Op.EQ, value));
        }
        Map<String, Row> all = new LinkedHashMap<>();
        rows.forEach(row -> all.put(row.id(), row));
        for (Row row : engine.execute(first.withFilter(new Expr.And(tie))).rows()) {
            all.putIfAbsent(row.id(), row);
        }
        return new ArrayList<>(all.values());
    }

    /** The page's rows with every output column: the entity fields not read yet are fetched, one call per entity. */
    private ResultFrame hydrate(List<String> columns, List<Derived> page) {
        Map<String, StoragePlan> plans = new LinkedHashMap<>();
        Map<String, List<String>> idsByEntity = new LinkedHashMap<>();
        for (Derived derived : page) {
            plans.put(derived.plan().entityId(), derived.plan());
            idsByEntity.computeIfAbsent(derived.plan().entityId(), e -> new ArrayList<>()).add(derived.targetId());
        }
        Map<String, Map<String, Map<String, Object>>> fetched = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entity : idsByEntity.entrySet()) {
            StoragePlan plan = plans.get(entity.getKey());
            List<String> fields = new CatalogMapping(plan.schema()).entityFields(columns);
            if (!fields.isEmpty()) {
                fetched.put(entity.getKey(), new EntityParts(plan, backends).fetch(entity.getValue(), fields));
            }
        }
        List<Row> rows = new ArrayList<>(page.size());
        for (Derived derived : page) {
            Map<String, Map<String, Object>> values = fetched.get(derived.plan().entityId());
            Map<String, Object> full = values == null ? derived.row()
                    : CatalogRows.catalogRow(derived.plan().schema(), values.get(derived.targetId()));
            Row.Builder row = Row.builder(columns.size());
            for (String column : columns) {
                row.put(column, full.get(column));
            }
            rows.add(row.build());
        }
        return new ResultFrame(columns, rows);
    }

    private QueryEngine engine(StoragePlan plan) {
        return new QueryEngine(plan, backends, guard);
    }

    private static List<String> outputColumns(QuerySpec spec) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(Names.OBJECT_ID);
        columns.addAll(spec.select().isEmpty() ? COLUMNS : spec.select());
        return new ArrayList<>(columns);
    }

    private static <T> List<T> slice(List<T> rows, int offset, Integer limit) {
        int from = Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : (int) Math.min((long) from + limit, rows.size());
        return new ArrayList<>(rows.subList(from, to));
    }
}
