package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.bench.data.Items;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A filtered query returning {@value #LIMIT} whole rows ({@code category = ? AND qty >= }{@value #MIN_QTY},
 * by object_id) over {@code size} {@link Items}: {@code ws.query(...).where(...).limit(20)} vs the
 * row's baseline, both cycling through the categories in the same order. A row supplies the store
 * and how the baseline queries one category.
 */
public abstract class FilteredQueryBenchmark extends ItemReadBenchmark {

    static final int LIMIT = 20;
    static final long MIN_QTY = 50;
    /** The category cursor the checks start from. */
    private static final int CHECKED_FROM = 3;

    private int next;

    @Benchmark
    public Object heavenbase() {
        return store().workspace().query(Items.ENTITY)
                .where(Filter.eq("category", nextCategory()))
                .where(Filter.gte("qty", MIN_QTY))
                .limit(LIMIT)
                .execute().rows();
    }

    @Benchmark
    public Object baseline() throws Exception {
        return query(nextCategory());
    }

    @Override
    public final Object checkHeavenbase() {
        next = CHECKED_FROM;
        return heavenbase();
    }

    @Override
    public final Object checkBaseline() throws Exception {
        next = CHECKED_FROM;
        return comparable(baseline());
    }

    /** The baseline's query: rows of {@code category} with qty of at least {@link #MIN_QTY}, by id, {@link #LIMIT} (timed). */
    protected abstract Object query(String category) throws Exception;

    private String nextCategory() {
        next = (next + 1) % Items.CATEGORIES;
        return Items.category(next);
    }
}
