package io.heavenbase.query;

/**
 * A relevance-ranked text search: the {@code topK} rows whose {@code field} scores highest for {@code text} by
 * BM25 (Lucene's formula and defaults), over the field's analyzed terms.
 */
public record SearchSpec(String field, String text, int topK) {
}
