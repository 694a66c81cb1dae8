package io.heavenbase.engine;

import io.heavenbase.TextAnalyzer;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.routing.Placement;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, from the capability tables alone, where each query leaf runs: on a backend that holds
 * the field and runs the op natively (a replica, such as the copy of a LongText on {@code search}, is preferred
 * for {@code match} and {@code search}), or in the engine
 * on values fetched from the field's primary backend. {@code object_id} lives on every part. An op
 * a backend runs natively only through a full-text index counts as native there only for a field
 * whose copy on that backend has its full-text switch on. {@code match} on a field whose analyzer is not
 * {@code standard} is never native: every backend's {@code match} applies the standard word rule, so the engine
 * evaluates it with the field's analyzer ({@link #analyzedInEngine}).
 */
final class LeafRouting {

    /** Where a leaf (or near, or order key) runs. */
    record Route(String backend, String type, Strategy strategy, boolean nativeOp) {
    }

    private final StoragePlan plan;
    private final Map<String, Backend> backends;

    LeafRouting(StoragePlan plan, Map<String, Backend> backends) {
        this.plan = plan;
        this.backends = backends;
    }

    Route route(String field, String op) {
        if (field.equals(Names.OBJECT_ID)) {
            for (String backend : candidateBackends()) {
                if (table(backend).isNative(DType.IDENTIFIER, Strategy.INLINE_COLUMN, op)) {
                    return new Route(backend, type(backend), Strategy.INLINE_COLUMN, true);
                }
            }
            return new Route(plan.home(), type(plan.home()), Strategy.INLINE_COLUMN, false);
        }
        DType dtype = plan.schema().field(field).dtype();
        List<Placement> placements = plan.placements(field);
        if (analyzedInEngine(field, op)) {
            Placement primary = plan.placement(field);
            return new Route(primary.backend(), primary.type(), primary.strategy(), false);
        }
        if ((op.equals(Ops.MATCH) || op.equals(Ops.SEARCH)) && placements.size() > 1) {
            List<Placement> replicasFirst = new ArrayList<>(placements.subList(1, placements.size()));
            replicasFirst.add(placements.get(0));
            placements = replicasFirst;
        }
        for (Placement placement : placements) {
            if (table(placement.backend()).isNative(dtype, placement.strategy(), op,
                    fullTextOn(field, placement.backend()))) {
                return new Route(placement.backend(), placement.type(), placement.strategy(), true);
            }
        }
        Placement primary = plan.placement(field);
        return new Route(primary.backend(), primary.type(), primary.strategy(), false);
    }

    Route route(Expr.Leaf leaf) {
        return route(leaf.field(), leaf.op().id());
    }

    /**
     * Whether {@code backend} can run {@code expr} in one fragment: every leaf natively, and the whole
     * within the backend's {@link FilterBudget}.
     */
    boolean pushable(Expr expr, String backend) {
        List<Expr.Leaf> leaves = expr.leaves();
        // a filter without leaves is a constant (validation can turn eq 41.5 on an Integer into false):
        // the engine answers it without asking a backend
        if (leaves.isEmpty() || !budget(backend).admits(expr)) {
            return false;
        }
        for (Expr.Leaf leaf : leaves) {
            if (!nativeOn(leaf.field(), leaf.op().id(), backend)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code field op} runs natively on {@code backend} (the field stored there). */
    boolean nativeOn(String field, String op, String backend) {
        if (field.equals(Names.OBJECT_ID)) {
            return plan.part(backend) != null
                    && table(backend).isNative(DType.IDENTIFIER, Strategy.INLINE_COLUMN, op);
        }
        if (analyzedInEngine(field, op)) {
            return false;
        }
        DType dtype = plan.schema().field(field).dtype();
        for (Placement placement : plan.placements(field)) {
            if (placement.backend().equals(backend)
                    && table(backend).isNative(dtype, placement.strategy(), op, fullTextOn(field, backend))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How {@code field op} uses a full-text index on {@code backend}: null when the backend keeps
     * no full-text indexes for the op on the field's type (the field's switch does not matter
     * there), else whether the field's copy there has one and the op uses it.
     */
    Boolean fullTextIndexUsed(String field, String op, String backend) {
        if (field.equals(Names.OBJECT_ID)) {
            return null;
        }
        DType dtype = plan.schema().field(field).dtype();
        for (Placement placement : plan.placements(field)) {
            if (placement.backend().equals(backend)) {
                CapabilityTable table = table(backend);
                if (!table.hasFullTextIndex(dtype, placement.strategy(), op)) {
                    return null;
                }
                return table.usesFullTextIndex(dtype, placement.strategy(), op, fullTextOn(field, backend));
            }
        }
        return null;
    }

    /**
     * Whether {@code field op} must run in the engine because of the field's analyzer: {@code match} on a field
     * whose analyzer is not {@code standard}. Backends match by the standard word rule only (their filter
     * translators, SQL word indexes and scans); the engine matches on the field's analyzed terms.
     */
    boolean analyzedInEngine(String field, String op) {
        return op.equals(Ops.MATCH) && !field.equals(Names.OBJECT_ID)
                && plan.schema().field(field).analyzer() != TextAnalyzer.STANDARD;
    }

    /** Whether the copy of the field on this backend has its full-text switch on. */
    private boolean fullTextOn(String field, String backend) {
        EntityLayout part = plan.part(backend);
        StoredField stored = part == null ? null : part.field(field);
        return stored != null && stored.fullText();
    }

    /** The one backend that can run the whole expression natively, preferring the first leaf's route. */
    Optional<String> pushTarget(Expr expr) {
        List<Expr.Leaf> leaves = expr.leaves();
        if (leaves.isEmpty()) {
            return Optional.empty();
        }
        Route first = route(leaves.get(0));
        if (first.nativeOp() && pushable(expr, first.backend())) {
            return Optional.of(first.backend());
        }
        for (String backend : plan.backends()) {
            if (pushable(expr, backend)) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }

    /** Whether all order keys can be sorted natively on {@code backend}. */
    boolean orderPushable(List<SortKey> order, String backend) {
        for (SortKey key : order) {
            if (key.field().equals(Names.SCORE) || !nativeOn(key.field(), Ops.ORDER, backend)) {
                return false;
            }
            if (!key.field().equals(Names.OBJECT_ID) && !plan.placement(key.field()).backend().equals(backend)) {
                return false;
            }
        }
        return true;
    }

    /** The largest filter {@code backend} takes in one fragment. */
    FilterBudget budget(String backend) {
        return backends.get(backend).filterBudget();
    }

    String type(String backend) {
        return backends.get(backend).type();
    }

    private CapabilityTable table(String backend) {
        return backends.get(backend).capabilities();
    }

    private List<String> candidateBackends() {
        List<String> out = new ArrayList<>();
        out.add(plan.home());
        for (String backend : plan.backends()) {
            if (!backend.equals(plan.home())) {
                out.add(backend);
            }
        }
        return out;
    }

    /** The backend that can run filter, order and paging in one fragment, if there is one. */
    Optional<String> orderTarget(QuerySpec spec) {
        String candidate;
        if (spec.filter() != null) {
            Optional<String> target = pushTarget(spec.filter());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            candidate = target.get();
        } else if (!spec.orderBy().isEmpty() && !spec.orderBy().get(0).field().equals(Names.OBJECT_ID)) {
            candidate = plan.placement(spec.orderBy().get(0).field()).backend();
        } else {
            candidate = plan.home();
        }
        return orderPushable(spec.orderBy(), candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
