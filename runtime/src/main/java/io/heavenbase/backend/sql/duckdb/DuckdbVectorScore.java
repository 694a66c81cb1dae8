package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.VectorScore;
import io.heavenbase.query.NearSpec;

/**
 * The {@code near} score in DuckDB SQL, equal to {@link io.heavenbase.query.Similarity#score}: the
 * stored FLOAT[n] is cast to DOUBLE[n] and combined with DuckDB's array functions in the same
 * order of operations as the engine (sums of products in double, one square root per norm), so the
 * scores are the engine's own, not approximations. {@code array_cosine_similarity} is not used:
 * it takes one square root of the product of the norms, clamps to [-1, 1] and yields NaN for a
 * zero vector where the engine yields 0.
 */
final class DuckdbVectorScore implements VectorScore {

    @Override
    public BoundSql score(String columnSql, NearSpec near) {
        float[] query = near.vector();
        String stored = "CAST(" + columnSql + " AS DOUBLE[" + query.length + "])";
        SqlBuilder sql = new SqlBuilder();
        switch (near.metric()) {
            case DOT:
                return sql.append("array_inner_product(" + stored + ", ").append(queryArray(query)).append(")")
                        .build();
            case L2:
                return sql.append("1.0 / (1.0 + array_distance(" + stored + ", ").append(queryArray(query))
                        .append("))").build();
            default:
                double queryNorm = Math.sqrt(selfDot(query));
                if (queryNorm == 0.0) {
                    return BoundSql.of("CAST(0.0 AS DOUBLE)");
                }
                String storedSquare = "array_inner_product(" + stored + ", " + stored + ")";
                return sql.append("CASE WHEN " + storedSquare + " = 0.0 THEN 0.0 ELSE array_inner_product(" + stored
                        + ", ").append(queryArray(query)).append(") / (sqrt(" + storedSquare + ") * ")
                        .param(SqlParam.real(queryNorm)).append(") END").build();
        }
    }

    private static BoundSql queryArray(float[] query) {
        return new SqlBuilder().append("CAST(").param(DuckdbParam.doubles(query))
                .append(" AS DOUBLE[" + query.length + "])").build();
    }

    /** The sum of squares in double, summed in index order exactly as the engine sums it. */
    private static double selfDot(float[] vector) {
        double sum = 0.0;
        for (float component : vector) {
            sum += (double) component * component;
        }
        return sum;
    }
}
