package io.heavenbase.spi;

import io.heavenbase.query.Expr;
import java.util.List;
import java.util.Set;

/**
 * A relevance search pushed down to the backend that stores the text field and ranks it natively (its capability
 * table declares {@link io.heavenbase.capability.Ops#SEARCH} native for the field).
 *
 * <p>The backend returns the {@code topK} rows with the highest BM25 score for {@code terms} (Lucene's
 * {@code BM25Similarity}: k1 = 1.2, b = 0.75, Lucene's idf and one-byte length norm; see
 * {@link io.heavenbase.spi.support.Bm25}), best first, ties by object_id in code point order. Only rows that
 * satisfy {@code filter} (all when null) and whose id is in {@code candidates} (all when null) may be returned;
 * the corpus statistics (document count, average length, document frequencies) cover every row of the entity part,
 * as a filter does in a search engine. A row without any of the terms is not returned.
 *
 * @param field the text field
 * @param terms the query's terms as the field's analyzer produced them, in order, repeats kept (a repeated term
 *        counts once per occurrence, as in Lucene's boolean query)
 */
public record SearchFragment(String field, List<String> terms, int topK, Expr filter, Set<String> candidates) {

    public SearchFragment {
        terms = List.copyOf(terms);
        candidates = candidates == null ? null : Set.copyOf(candidates);
    }
}
