package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.Bm25;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code search} by the server's own BM25. Each text field's terms are analyzed in Java by the field's analyzer
 * and indexed, space-separated and in order, in a {@code text} field {@code hb-terms.<field>} under the built-in
 * {@code whitespace} analyzer, so the server's postings hold exactly the Java terms (same term frequencies, same
 * document length and one-byte norm) and its default {@code BM25} similarity (k1 = 1.2, b = 0.75, one shard)
 * computes Lucene's statistics over them. A long term is indexed in the hashed form of {@link Bm25#termKey}, far
 * below the tokenizer's 255-character limit. The query is a {@code match} of the query's terms (OR, a repeated term
 * counting twice) with the filter and candidate ids as non-scoring filters, sorted by score then object_id.
 */
final class SearchTerms {

    /**
     * OpenSearch's and Elasticsearch's {@code BM25} similarity is Lucene's {@code LegacyBM25Similarity}, whose
     * scores are Lucene 9's times {@code k1 + 1}; dividing in float gives Lucene's score within a rounding step.
     */
    private static final float LEGACY_FACTOR = Bm25.K1 + 1;

    private SearchTerms() {
    }

    /** The indexed value of a text: its analyzed terms joined by spaces (empty when it has none). */
    static String of(StoredField field, String text) {
        StringJoiner joined = new StringJoiner(" ");
        for (String term : Bm25.analyze(Bm25.analyzer(field), field.name(), text).terms()) {
            joined.add(Bm25.termKey(term));
        }
        return joined.toString();
    }

    /** The mapping of a {@code hb-terms} field. */
    static ObjectNode mapping() {
        return SearchClient.object().put("type", "text").put("analyzer", "whitespace").put("index_options", "freqs");
    }

    static List<Hit> search(SearchClient client, String index, EntityLayout layout, SearchFragment fragment) {
        StringJoiner query = new StringJoiner(" ");
        fragment.terms().forEach(term -> query.add(Bm25.termKey(term)));
        if (fragment.terms().isEmpty() || fragment.topK() <= 0) {
            return List.of();
        }
        ObjectNode body = SearchClient.object();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").addObject().putObject("match").putObject(DocumentCodec.TERMS + "." + fragment.field())
                .put("query", query.toString());
        ArrayNode filter = bool.putArray("filter");
        if (fragment.filter() != null) {
            filter.add(FilterQuery.of(fragment.filter(), layout));
        }
        if (fragment.candidates() != null) {
            filter.add(FilterQuery.ids(fragment.candidates()));
        }
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("_score").put("order", "desc");
        sort.addObject().putObject(DocumentCodec.OBJECT_ID).put("order", "asc");
        body.put("size", fragment.topK()).put("track_scores", true).put("track_total_hits", false)
                .put("_source", false);
        JsonNode response = client.sendUnlessIndexMissing("POST", "/" + index + "/_search", body,
                "search index '" + index + "'");
        if (response == null) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            float score = (float) hit.path("_score").asDouble() / LEGACY_FACTOR;
            hits.add(new Hit(hit.path("_id").asText(), score, Map.of()));
        }
        return hits;
    }
}
