package io.heavenbase.capability;

import io.heavenbase.ExecutionMode;
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
 * for each, which operations it runs natively. Every other applicable operation on a storable pair
 * runs in the engine (fallback). The planner, {@code capabilities()}, {@code explain()} and
 * placement validation all read these tables; nothing else decides.
 */
public final class CapabilityTable {

    private final Map<Kind, Map<Strategy, Set<String>>> nativeOps;

    private CapabilityTable(Map<Kind, Map<Strategy, Set<String>>> nativeOps) {
        this.nativeOps = nativeOps;
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

    /** Native, fallback, or empty when the pair is not storable here or the op does not apply. */
    public Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op) {
        if (!canStore(dtype, strategy) || !Ops.applies(dtype, op)) {
            return Optional.empty();
        }
        boolean isNative = nativeOps.get(dtype.kind()).get(strategy).contains(op);
        return Optional.of(isNative ? ExecutionMode.NATIVE : ExecutionMode.FALLBACK);
    }

    public boolean isNative(DType dtype, Strategy strategy, String op) {
        return mode(dtype, strategy, op).orElse(null) == ExecutionMode.NATIVE;
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

        /**
         * The backend stores these kinds with {@code strategy} and runs {@code nativeOps} itself
         * (ops that do not apply to a kind are ignored for it).
         */
        public Builder store(Strategy strategy, Set<Kind> kinds, String... nativeOpNames) {
            for (Kind kind : kinds) {
                Set<String> ops = nativeOps.computeIfAbsent(kind, k -> new EnumMap<>(Strategy.class))
                        .computeIfAbsent(strategy, s -> new LinkedHashSet<>());
                Collections.addAll(ops, nativeOpNames);
            }
            return this;
        }

        public Builder store(Strategy strategy, Kind kind, String... nativeOpNames) {
            return store(strategy, EnumSet.of(kind), nativeOpNames);
        }

        public CapabilityTable build() {
            Map<Kind, Map<Strategy, Set<String>>> copy = new EnumMap<>(Kind.class);
            nativeOps.forEach((kind, byStrategy) -> {
                Map<Strategy, Set<String>> inner = new EnumMap<>(Strategy.class);
                byStrategy.forEach((strategy, ops) -> inner.put(strategy, Set.copyOf(ops)));
                copy.put(kind, inner);
            });
            return new CapabilityTable(copy);
        }
    }
}
