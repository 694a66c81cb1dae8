package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.VectorBlobs;
import io.heavenbase.backend.sql.VectorScore;
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
