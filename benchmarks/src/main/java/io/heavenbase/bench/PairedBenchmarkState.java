package io.heavenbase.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The JMH side every row shares: one state for the whole trial, throughput in operations per second,
 * {@link #open} with the row's {@code size} parameter before the trial and {@link #close} after it.
 * A row's concrete class (or its kind's base class) declares {@code @Param("…") public int size} and
 * the two {@code @Benchmark} methods {@code heavenbase()} and {@code baseline()}; JMH generates the
 * benchmarks for the concrete classes only, named after them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class PairedBenchmarkState implements PairedBenchmark {

    /** The JMH parameter every row declares: rows, documents or vectors to load. */
    public static final String SIZE = "size";

    @Setup(Level.Trial)
    public final void setUpTrial(BenchmarkParams params) throws Exception {
        open(size(params));
    }

    @TearDown(Level.Trial)
    public final void tearDownTrial() throws Exception {
        close();
    }

    /** The value of the row's {@value #SIZE} parameter. */
    public static int size(BenchmarkParams params) {
        String size = params.getParam(SIZE);
        if (size == null) {
            throw new IllegalStateException(params.getBenchmark() + " declares no @Param " + SIZE);
        }
        return Integer.parseInt(size);
    }
}
