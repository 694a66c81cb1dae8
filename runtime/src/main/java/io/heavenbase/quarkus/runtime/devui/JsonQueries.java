package io.heavenbase.quarkus.runtime.devui;

import io.heavenbase.Filter;
import io.heavenbase.Query;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.SearchSpec;
import io.heavenbase.query.SortKey;

/** Turns a parsed JSON query back into a {@link Query}, so the Dev UI can show its {@code explain()}. */
final class JsonQueries {

    private JsonQueries() {
    }

    /** {@code query} (an empty query of the entity) with everything {@code spec} asks for. */
    static Query apply(Query query, QuerySpec spec) {
        Query out = query;
        if (spec.filter() != null) {
            out = out.where(Filter.of(spec.filter()));
        }
        NearSpec near = spec.near();
        if (near != null) {
            out = out.near(near.field(), near.vector(), near.topK(), near.metric());
        }
        SearchSpec search = spec.search();
        if (search != null) {
            out = out.search(search.field(), search.text(), search.topK());
        }
        if (spec.fusion() != null) {
            out = out.fusion(spec.fusion());
        }
        if (!spec.select().isEmpty()) {
            out = out.select(spec.select().toArray(String[]::new));
        }
        for (SortKey key : spec.orderBy()) {
            out = key.descending() ? out.orderByDesc(key.field()) : out.orderBy(key.field());
        }
        if (spec.offset() > 0) {
            out = out.offset(spec.offset());
        }
        if (spec.limit() != null) {
            out = out.limit(spec.limit());
        }
        return out;
    }
}
