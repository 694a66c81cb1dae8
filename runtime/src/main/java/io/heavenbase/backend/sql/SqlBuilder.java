package io.heavenbase.backend.sql;

import java.util.ArrayList;
import java.util.List;

/** Accumulates SQL text and its parameters side by side so they never drift apart. */
public final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder();
    private final List<SqlParam> params = new ArrayList<>();

    /** Appends literal SQL text (never a value: values go through {@link #param}). */
    public SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a fragment with its own parameters, keeping them in order. */
    public SqlBuilder append(BoundSql part) {
        sql.append(part.sql());
        params.addAll(part.params());
        return this;
    }

    /** Appends the placeholder of {@code param} (one {@code ?}) bound to it. */
    public SqlBuilder param(SqlParam param) {
        sql.append(param.placeholder());
        params.add(param);
        return this;
    }

    /** The SQL text and its parameters as built so far. */
    public BoundSql build() {
        return new BoundSql(sql.toString(), params);
    }
}
