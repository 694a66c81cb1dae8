package io.heavenbase.backend.sql;

import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's own execution of {@code near}, for databases where one {@code ORDER BY score LIMIT k}
 * is not enough: an approximate index to steer and verify, or distances computed in lower
 * precision than the engine's scores. {@link SqlBackend} runs it first inside a transaction that
 * then reads the requested columns of the returned rows, so it may set the transaction's isolation
 * level and {@code SET LOCAL} options.
 */
public interface NearSearch {

    /**
     * The ids and scores ({@link io.heavenbase.query.Similarity#score}) of the
     * {@code fragment.near().topK()} rows closest to the query among the rows where {@code eligible}
     * holds, best first: score descending, then object_id in code point order. Hit columns are
     * empty.
     *
     * @param field the stored vector field named by the near
     * @param eligible a condition on the entity table aliased {@link SqlQueryCompiler#ALIAS}: the
     *        fragment's filter, its candidates and a non-null vector
     */
    List<Hit> search(Connection connection, SqlTables tables, StoredField field, Fragment fragment, BoundSql eligible)
            throws SQLException;
}
