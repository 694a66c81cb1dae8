package io.heavenbase.backend.sql;

import java.util.ArrayList;
import java.util.List;

/** Accumulates SQL text and its parameters side by side so they never drift apart. */
final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder();
    private final List<SqlParam> params = new ArrayList<>();

    SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    SqlBuilder append(BoundSql part) {
        sql.append(part.sql());
        params.addAll(part.params());
        return this;
    }

    /** Appends the placeholder of {@code param} (one {@code ?}) bound to it. */
    SqlBuilder param(SqlParam param) {
        sql.append(param.placeholder());
        params.add(param);
        return this;
    }

    BoundSql build() {
        return new BoundSql(sql.toString(), params);
    }
}
