package io.heavenbase.query;

import io.heavenbase.Fusion;
import java.util.ArrayList;
import java.util.List;

/**
 * The immutable description of a query: filter (or null), near (or null), projection (empty =
 * every field), ordering, offset and limit (or null), and a relevance-ranked text search (or null).
 * Produced by the builder and by the JSON codec.
 */
public record QuerySpec(Expr filter, NearSpec near, List<String> select, List<SortKey> orderBy, int offset,
        Integer limit, SearchSpec search, Fusion fusion) {

    public QuerySpec {
        select = List.copyOf(select);
        orderBy = List.copyOf(orderBy);
    }

    /** A query without a text search. */
    public QuerySpec(Expr filter, NearSpec near, List<String> select, List<SortKey> orderBy, int offset,
            Integer limit) {
        this(filter, near, select, orderBy, offset, limit, null, null);
    }

    /** A query with the default fusion. */
    public QuerySpec(Expr filter, NearSpec near, List<String> select, List<SortKey> orderBy, int offset,
            Integer limit, SearchSpec search) {
        this(filter, near, select, orderBy, offset, limit, search, null);
    }

    public static QuerySpec empty() {
        return new QuerySpec(null, null, List.of(), List.of(), 0, null, null, null);
    }

    /** Whether rows are ranked (by {@code near} or {@code search}), so {@code score} exists. */
    public boolean ranked() {
        return near != null || search != null;
    }

    public QuerySpec withFilter(Expr extra) {
        Expr combined;
        if (filter == null) {
            combined = extra;
        } else if (filter instanceof Expr.And and) {
            List<Expr> children = new ArrayList<>(and.children());
            children.add(extra);
            combined = new Expr.And(children);
        } else {
            combined = new Expr.And(List.of(filter, extra));
        }
        return new QuerySpec(combined, near, select, orderBy, offset, limit, search, fusion);
    }

    public QuerySpec withNear(NearSpec value) {
        return new QuerySpec(filter, value, select, orderBy, offset, limit, search, fusion);
    }

    public QuerySpec withSearch(SearchSpec value) {
        return new QuerySpec(filter, near, select, orderBy, offset, limit, value, fusion);
    }

    public QuerySpec withFusion(Fusion value) {
        return new QuerySpec(filter, near, select, orderBy, offset, limit, search, value);
    }

    /** Whether both a text search and a near search rank rows, fused into one ranking. */
    public boolean hybrid() {
        return near != null && search != null;
    }

    public QuerySpec withSelect(List<String> columns) {
        return new QuerySpec(filter, near, columns, orderBy, offset, limit, search, fusion);
    }

    public QuerySpec withOrder(SortKey key) {
        List<SortKey> keys = new ArrayList<>(orderBy);
        keys.add(key);
        return new QuerySpec(filter, near, select, keys, offset, limit, search, fusion);
    }

    public QuerySpec withOffset(int value) {
        return new QuerySpec(filter, near, select, orderBy, value, limit, search, fusion);
    }

    public QuerySpec withLimit(Integer value) {
        return new QuerySpec(filter, near, select, orderBy, offset, value, search, fusion);
    }
}
