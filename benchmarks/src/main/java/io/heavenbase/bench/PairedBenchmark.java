package io.heavenbase.bench;

/**
 * One row of the benchmark table as plain calls, so the smoke test can run both sides once on
 * small data and check they find the same thing. The JMH state class of a row implements it: its
 * trial setup calls {@link #open}, its {@code @Benchmark heavenbase()} and {@code baseline()} are
 * the two timed sides.
 */
public interface PairedBenchmark extends AutoCloseable {

    /** Prepares the stores with {@code size} rows (or vectors), as the JMH trial setup does. */
    void open(int size) throws Exception;

    /** Runs the HeavenBase side once and returns what it produced, comparable with equals. */
    Object checkHeavenbase() throws Exception;

    /** Runs the baseline side once and returns what it produced, comparable with equals. */
    Object checkBaseline() throws Exception;

    /** Releases the stores and deletes their files. */
    @Override
    void close() throws Exception;
}
