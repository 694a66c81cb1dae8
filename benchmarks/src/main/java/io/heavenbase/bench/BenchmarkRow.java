package io.heavenbase.bench;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One row of the table: what is measured, against what, the target ratio, and the JMH state class
 * whose {@code heavenbase} and {@code baseline} benchmarks are the two sides. {@code skipReason}
 * says why the row cannot run here (a backend not in this build, a server that does not answer).
 */
public record BenchmarkRow(String bench, String versus, Target target, Class<? extends PairedBenchmark> benchmark,
        Effort effort, Supplier<Optional<String>> skipReason) {

    /** The benchmark names JMH reports for the two sides. */
    public String heavenbaseLabel() {
        return benchmark.getName() + ".heavenbase";
    }

    public String baselineLabel() {
        return benchmark.getName() + ".baseline";
    }
}
