package io.heavenbase.bench.rows;

import io.heavenbase.Query;
import io.heavenbase.bench.PairedBenchmarkState;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@code near} top-{@value #TOP_K} by cosine on the field {@code embedding}: a HeavenBase query vs
 * the row's baseline, both returning the ids of the closest, best first. Both sides take query
 * number 1, 2, 3, … in turn (the checks start again from 1). A row supplies the data (its own
 * {@code @Param size}), the query before {@code near} (the entity, maybe a filter), the query vector
 * of a number and the baseline's search.
 */
public abstract class NearBenchmark extends PairedBenchmarkState {

    static final int TOP_K = 10;
    /** Query vectors of the rows that make their own, used in a fixed cycle. */
    static final int QUERIES = 64;

    private int next;

    @Benchmark
    public List<String> heavenbase() {
        int query = ++next;
        return filtered(query).near("embedding", vector(query), TOP_K).select("score").execute().ids();
    }

    @Benchmark
    public List<String> baseline() throws Exception {
        int query = ++next;
        return nearest(query, vector(query));
    }

    @Override
    public final Object checkHeavenbase() {
        next = 0;
        return heavenbase();
    }

    @Override
    public final Object checkBaseline() throws Exception {
        next = 0;
        return baseline();
    }

    /** HeavenBase's query for query number {@code query} before {@code near}: the entity, and the row's filter if any. */
    protected abstract Query filtered(int query);

    /** The query vector of query number {@code query}. */
    protected abstract float[] vector(int query);

    /** The baseline's ids of the {@value #TOP_K} closest to {@code vector} for query number {@code query}, best first. */
    protected abstract List<String> nearest(int query, float[] vector) throws Exception;
}
