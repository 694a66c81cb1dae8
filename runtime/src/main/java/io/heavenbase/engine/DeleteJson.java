package io.heavenbase.engine;

import io.heavenbase.ValidationException;
import io.heavenbase.query.QuerySpec;

/** The JSON form of delete by filter: a query that holds a non-empty filter and nothing else. */
final class DeleteJson {

    private DeleteJson() {
    }

    static QuerySpec filterOnly(String entityId, QuerySpec spec) {
        String extra = spec.near() != null ? "near" : !spec.select().isEmpty() ? "select"
                : !spec.orderBy().isEmpty() ? "order_by" : spec.limit() != null ? "limit"
                        : spec.offset() != 0 ? "offset" : null;
        if (extra != null) {
            throw new ValidationException(entityId, extra, "unknown_key", "delete by filter takes only "
                    + "{\"filter\": {...}}, not '" + extra + "'");
        }
        if (spec.filter() == null) {
            throw new ValidationException(entityId, "filter", "required", "delete by filter needs a non-empty "
                    + "\"filter\"; there is no delete-everything form");
        }
        return spec;
    }
}
