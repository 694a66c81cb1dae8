package io.heavenbase.backend.sql;

import io.heavenbase.query.NearSpec;

/** {@code hb_similarity(column, query, metric)}, computed by {@link SqliteSimilarityFunction}. */
final class SqliteVectorScore implements VectorScore {

    @Override
    public BoundSql score(String columnSql, NearSpec near) {
        return new SqlBuilder().append(SqliteSimilarityFunction.NAME + "(").append(columnSql).append(", ")
                .param(SqlParam.bytes(VectorBlobs.encode(near.vector()))).append(", ")
                .param(SqlParam.text(near.metric().id())).append(")").build();
    }
}
