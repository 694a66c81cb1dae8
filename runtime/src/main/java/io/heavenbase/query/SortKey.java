package io.heavenbase.query;

/**
 * One ordering key. Nulls sort last ascending and first descending; text by Unicode code point;
 * numbers numerically. Ties are broken by {@code object_id} ascending. The field may be
 * {@code score} for a near query.
 */
public record SortKey(String field, boolean descending) {
}
