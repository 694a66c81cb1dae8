package io.heavenbase;

import java.util.List;

/**
 * What a query would do, computed without running it: one {@link Step} per filter leaf, near,
 * order and hydration, each naming the backend, its provider type, the field, the strategy and
 * whether it runs natively or in the engine.
 */
public record Plan(String entity, List<Step> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    /**
     * One planned step. {@code node} is {@code filter}, {@code near}, {@code search}, {@code fuse},
     * {@code order} or {@code fetch}; {@code op} the operator id ({@code eq}, {@code match}, {@code near} ...);
     * {@code detail} extra facts such as {@code combined_scan} for a near with co-located filters.
     */
    public record Step(String node, String backend, String type, String field, String strategy, String op,
            ExecutionMode mode, String detail) {
    }

    /** The steps of one node kind. */
    public List<Step> steps(String node) {
        return steps.stream().filter(s -> s.node().equals(node)).toList();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Plan[" + entity + "]");
        for (Step step : steps) {
            out.append("\n  ").append(step.node()).append(' ').append(step.field()).append(' ').append(step.op())
                    .append(" -> ").append(step.backend()).append(" (").append(step.type()).append(", ")
                    .append(step.strategy()).append(") ").append(step.mode());
            if (step.detail() != null && !step.detail().isEmpty()) {
                out.append(" [").append(step.detail()).append(']');
            }
        }
        return out.toString();
    }
}
