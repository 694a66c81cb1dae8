package io.heavenbase.backend.inmem;

import io.heavenbase.query.ValueOrder;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.support.Bm25;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;

/**
 * The term statistics of one text field of one table, as Lucene keeps them for BM25: per term the rows holding it
 * with their term frequency, per row its length through Lucene's one-byte norm, the number of rows with at least
 * one term and the sum of their lengths. Immutable: built from a snapshot of the rows, replaced after a write.
 */
final class TermIndex {

    private final Map<String, Map<String, Integer>> postings;
    private final Map<String, Integer> normLengths;
    private final long sumLengths;

    private TermIndex(Map<String, Map<String, Integer>> postings, Map<String, Integer> normLengths, long sumLengths) {
        this.postings = postings;
        this.normLengths = normLengths;
        this.sumLengths = sumLengths;
    }

    /** The index of {@code field} over {@code rows}, each text analysed with {@code analyzer}. */
    static TermIndex of(Collection<Map<String, Object>> rows, String field, String idField, Analyzer analyzer) {
        Map<String, Map<String, Integer>> postings = new HashMap<>();
        Map<String, Integer> normLengths = new HashMap<>();
        long sumLengths = 0;
        for (Map<String, Object> row : rows) {
            if (!(row.get(field) instanceof String text)) {
                continue;
            }
            Bm25.Analyzed analyzed = Bm25.analyze(analyzer, field, text);
            if (analyzed.frequencies().isEmpty()) {
                continue;
            }
            String id = (String) row.get(idField);
            analyzed.frequencies().forEach((term, tf) -> postings.computeIfAbsent(term, t -> new HashMap<>())
                    .put(id, tf));
            normLengths.put(id, Bm25.normLength(analyzed.length()));
            sumLengths += analyzed.length();
        }
        return new TermIndex(postings, normLengths, sumLengths);
    }

    /**
     * The top rows for {@code search} by BM25, best first, ties by object_id; only rows {@code eligible} accepts.
     */
    List<Hit> top(SearchFragment search, Predicate<String> eligible) {
        long docCount = normLengths.size();
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        for (String term : search.terms()) {
            occurrences.merge(term, 1, Integer::sum);
        }
        List<String> terms = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (Map.Entry<String, Integer> term : occurrences.entrySet()) {
            Map<String, Integer> rows = postings.get(term.getKey());
            if (rows != null) {
                terms.add(term.getKey());
                weights.add(term.getValue() * Bm25.idf(rows.size(), docCount));
            }
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        Bm25.Scorer scorer = new Bm25.Scorer(Bm25.averageLength(sumLengths, docCount));
        Map<String, float[]> termScores = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            for (Map.Entry<String, Integer> row : postings.get(terms.get(i)).entrySet()) {
                if (!eligible.test(row.getKey())) {
                    continue;
                }
                float[] scores = termScores.computeIfAbsent(row.getKey(), id -> new float[terms.size()]);
                scores[i] = scorer.termScore(weights.get(i), row.getValue(), normLengths.get(row.getKey()));
            }
        }
        List<Hit> hits = new ArrayList<>(termScores.size());
        termScores.forEach((id, scores) -> hits.add(new Hit(id, Bm25.Scorer.sum(scores), Map.of())));
        hits.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : ValueOrder.compareText(a.objectId(), b.objectId()));
        return hits.size() > search.topK() ? new ArrayList<>(hits.subList(0, search.topK())) : hits;
    }

    /** The ids of every row with at least one term, for tests. */
    Set<String> documents() {
        return normLengths.keySet();
    }
}
