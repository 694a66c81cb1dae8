package io.heavenbase.capability;

import io.heavenbase.ExecutionMode;
import io.heavenbase.FullText;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A backend provider's capabilities as data: which (dtype kind, strategy) pairs it can store and,
 * for each, which operations it runs natively, and which it runs natively only on a field that has
 * a full-text index (see {@link io.heavenbase.FullText}). Every other applicable operation on a
 * storable pair runs in the engine (fallback). The planner, {@code capabilities()},
 * {@code explain()} and placement validation all read these tables; nothing else decides.
 */
public final class CapabilityTable {

    private final Map<Kind, Map<Strategy, Set<String>>> nativeOps;
    private final Map<Kind, Map<Strategy, Set<String>>> indexedOps;

    private CapabilityTable(Map<Kind, Map<Strategy, Set<String>>> nativeOps,
            Map<Kind, Map<Strategy, Set<String>>> indexedOps) {
        this.nativeOps = nativeOps;
        this.indexedOps = indexedOps;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean canStore(DType dtype, Strategy strategy) {
        Map<Strategy, Set<String>> byStrategy = nativeOps.get(dtype.kind());
        return byStrategy != null && byStrategy.containsKey(strategy) && Ops.strategyFits(dtype, strategy);
    }

    /** Strategies this backend can store the dtype with, in declaration order. */
    public Set<Strategy> strategies(DType dtype) {
        Map<Strategy, Set<String>> byStrategy = nativeOps.get(dtype.kind());
        if (byStrategy == null) {
            return Set.of();
        }
        Set<Strategy> out = new LinkedHashSet<>();
        for (Strategy strategy : byStrategy.keySet()) {
            if (Ops.strategyFits(dtype, strategy)) {
                out.add(strategy);
            }
        }
        return out;
    }

    /**
     * Native, fallback, or empty when the pair is not storable here or the op does not apply; for a
     * field with its type's default full-text switch (on for LongText only).
     */
    public Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op) {
        return mode(dtype, strategy, op, FullText.DEFAULT.indexes(dtype));
    }

    /**
     * Native, fallback, or empty when the pair is not storable here or the op does not apply, for a
     * field stored with ({@code fullTextIndex}) or without a full-text index.
     */
    public Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op, boolean fullTextIndex) {
        if (!canStore(dtype, strategy) || !Ops.applies(dtype, op)) {
            return Optional.empty();
        }
        boolean isNative = ops(nativeOps, dtype, strategy).contains(op)
                || usesFullTextIndex(dtype, strategy, op, fullTextIndex);
        return Optional.of(isNative ? ExecutionMode.NATIVE : ExecutionMode.FALLBACK);
    }

    public boolean isNative(DType dtype, Strategy strategy, String op) {
        return mode(dtype, strategy, op).orElse(null) == ExecutionMode.NATIVE;
    }

    public boolean isNative(DType dtype, Strategy strategy, String op, boolean fullTextIndex) {
        return mode(dtype, strategy, op, fullTextIndex).orElse(null) == ExecutionMode.NATIVE;
    }

    /** Whether the backend answers the op through the field's full-text index (it has one and the op uses it here). */
    public boolean usesFullTextIndex(DType dtype, Strategy strategy, String op, boolean fullTextIndex) {
        return fullTextIndex && canStore(dtype, strategy) && ops(indexedOps, dtype, strategy).contains(op);
    }

    /**
     * Whether the backend answers the op on this pair through full-text indexes, so the field's
     * switch matters for it.
     */
    public boolean hasFullTextIndex(DType dtype, Strategy strategy, String op) {
        return canStore(dtype, strategy) && ops(indexedOps, dtype, strategy).contains(op);
    }

    private static Set<String> ops(Map<Kind, Map<Strategy, Set<String>>> table, DType dtype, Strategy strategy) {
        return table.getOrDefault(dtype.kind(), Map.of()).getOrDefault(strategy, Set.of());
    }

    /** Every applicable op for a storable pair (native and fallback). */
    public Set<String> ops(DType dtype, Strategy strategy) {
        return canStore(dtype, strategy) ? Ops.applicable(dtype) : Set.of();
    }

    /**
     * The strategy used when a field names none: VectorIndex for vectors when storable, else
     * InlineColumn when storable, else the first storable strategy; {@code null} when none.
     */
    public Strategy defaultStrategy(DType dtype) {
        if (dtype.kind() == Kind.VECTOR && canStore(dtype, Strategy.VECTOR_INDEX)) {
            return Strategy.VECTOR_INDEX;
        }
        if (canStore(dtype, Strategy.INLINE_COLUMN)) {
            return Strategy.INLINE_COLUMN;
        }
        Set<Strategy> strategies = strategies(dtype);
        return strategies.isEmpty() ? null : strategies.iterator().next();
    }

    /** Declares storable pairs and their native ops. */
    public static final class Builder {
        private final Map<Kind, Map<Strategy, Set<String>>> nativeOps = new EnumMap<>(Kind.class);
        private final Map<Kind, Map<Strategy, Set<String>>> indexedOps = new EnumMap<>(Kind.class);

        /**
         * The backend stores these kinds with {@code strategy} and runs {@code nativeOps} itself
         * (ops that do not apply to a kind are ignored for it).
         */
        public Builder store(Strategy strategy, Set<Kind> kinds, String... nativeOpNames) {
            add(nativeOps, strategy, kinds, nativeOpNames);
            return this;
        }

        /**
         * On these kinds stored with {@code strategy} (declared storable with {@link #store}), the
         * backend runs {@code opNames} natively through the field's full-text index when the field
         * has one; without one they run in the engine unless {@link #store} also declares them
         * native (a scan in the database).
         */
        public Builder nativeWithFullTextIndex(Strategy strategy, Set<Kind> kinds, String... opNames) {
            add(indexedOps, strategy, kinds, opNames);
            return this;
        }

        private static void add(Map<Kind, Map<Strategy, Set<String>>> table, Strategy strategy, Set<Kind> kinds,
                String... opNames) {
            for (Kind kind : kinds) {
                Set<String> ops = table.computeIfAbsent(kind, k -> new EnumMap<>(Strategy.class))
                        .computeIfAbsent(strategy, s -> new LinkedHashSet<>());
                Collections.addAll(ops, opNames);
            }
        }

        public Builder store(Strategy strategy, Kind kind, String... nativeOpNames) {
            return store(strategy, EnumSet.of(kind), nativeOpNames);
        }

        public CapabilityTable build() {
            return new CapabilityTable(copy(nativeOps), copy(indexedOps));
        }

        private static Map<Kind, Map<Strategy, Set<String>>> copy(Map<Kind, Map<Strategy, Set<String>>> table) {
            Map<Kind, Map<Strategy, Set<String>>> copy = new EnumMap<>(Kind.class);
            table.forEach((kind, byStrategy) -> {
                Map<Strategy, Set<String>> inner = new EnumMap<>(Strategy.class);
                byStrategy.forEach((strategy, ops) -> inner.put(strategy, Set.copyOf(ops)));
                copy.put(kind, inner);
            });
            return copy;
        }
    }
}
