package io.heavenbase.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The immutable description of a query: filter (or null), near (or null), projection (empty =
 * every field), ordering, offset and limit (or null). Produced by the builder and by the JSON codec.
 */
public record QuerySpec(Expr filter, NearSpec near, List<String> select, List<SortKey> orderBy, int offset,
        Integer limit) {

    public QuerySpec {
        select = List.copyOf(select);
        orderBy = List.copyOf(orderBy);
    }

    public static QuerySpec empty() {
        return new QuerySpec(null, null, List.of(), List.of(), 0, null);
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
        return new QuerySpec(combined, near, select, orderBy, offset, limit);
    }

    public QuerySpec withNear(NearSpec value) {
        return new QuerySpec(filter, value, select, orderBy, offset, limit);
    }

    public QuerySpec withSelect(List<String> columns) {
        return new QuerySpec(filter, near, columns, orderBy, offset, limit);
    }

    public QuerySpec withOrder(SortKey key) {
        List<SortKey> keys = new ArrayList<>(orderBy);
        keys.add(key);
        return new QuerySpec(filter, near, select, keys, offset, limit);
    }

    public QuerySpec withOffset(int value) {
        return new QuerySpec(filter, near, select, orderBy, value, limit);
    }

    public QuerySpec withLimit(Integer value) {
        return new QuerySpec(filter, near, select, orderBy, offset, value);
    }
}
