package io.heavenbase.backend.sql;

import io.heavenbase.query.NearSpec;

/** A dialect's SQL expression for the similarity score of a {@code near} query. */
public interface VectorScore {

    /**
     * An expression equal to {@link io.heavenbase.query.Similarity#score} of the stored vector in
     * {@code columnSql} (never null there) and the query vector.
     */
    BoundSql score(String columnSql, NearSpec near);
}
