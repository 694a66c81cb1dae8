package io.heavenbase;

import io.heavenbase.query.NearSpec;
import io.heavenbase.query.QueryRunner;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.SearchSpec;
import io.heavenbase.query.SortKey;
import java.util.Arrays;

/**
 * An immutable query builder over one entity. Every method returns a new query; nothing runs until
 * {@link #execute()}, {@link #count()} or {@link #explain()}.
 */
public final class Query {

    private final QueryRunner runner;
    private final QuerySpec spec;

    public Query(QueryRunner runner, QuerySpec spec) {
        this.runner = runner;
        this.spec = spec;
    }

    /** Adds a filter; repeated calls are ANDed. */
    public Query where(Filter filter) {
        if (filter == null) {
            throw new ValidationException(null, "filter", "filter", "where() needs a filter, got null");
        }
        return new Query(runner, spec.withFilter(filter.expr()));
    }

    /** The {@code topK} rows nearest to {@code vector} by cosine similarity. */
    public Query near(String field, float[] vector, int topK) {
        return near(field, vector, topK, Metric.COSINE);
    }

    public Query near(String field, float[] vector, int topK, Metric metric) {
        float[] copy = vector == null ? null : vector.clone();
        return new Query(runner, spec.withNear(new NearSpec(field, copy, topK, metric)));
    }

    /**
     * The {@code topK} rows whose text {@code field} is most relevant to {@code text} by BM25 (Lucene's formula,
     * k1 = 1.2, b = 0.75) over the field's analyzed terms, best first, ties by {@code object_id}; a row must hold at
     * least one of the query's terms. Filters apply before the cut; {@code score} is the relevance.
     */
    public Query search(String field, String text, int topK) {
        return new Query(runner, spec.withSearch(new SearchSpec(field, text, topK)));
    }

    /**
     * How a query with both {@link #search} and {@link #near} fuses the two rankings (default: {@link Fusion#rrf()}).
     * Each leg keeps its own top-k; the fused list is their union, best first, ties by {@code object_id};
     * {@code score} is the fused score and {@code search.rank}, {@code search.score}, {@code near.rank},
     * {@code near.score} can be selected.
     */
    public Query fusion(Fusion fusion) {
        return new Query(runner, spec.withFusion(fusion));
    }

    /**
     * Projects columns; {@code object_id} is always kept, {@code score} is the near similarity or the search
     * relevance.
     */
    public Query select(String... columns) {
        return new Query(runner, spec.withSelect(Arrays.asList(columns)));
    }

    public Query orderBy(String field) {
        return new Query(runner, spec.withOrder(new SortKey(field, false)));
    }

    public Query orderByDesc(String field) {
        return new Query(runner, spec.withOrder(new SortKey(field, true)));
    }

    public Query limit(int limit) {
        return new Query(runner, spec.withLimit(limit));
    }

    public Query offset(int offset) {
        return new Query(runner, spec.withOffset(offset));
    }

    public ResultFrame execute() {
        return runner.execute(spec);
    }

    /** Number of matching rows (after a near cut), ignoring offset and limit. */
    public long count() {
        return runner.count(spec);
    }

    public Plan explain() {
        return runner.explain(spec);
    }

    /** The description this builder holds. */
    public QuerySpec spec() {
        return spec;
    }
}
