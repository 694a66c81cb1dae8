package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.Metric;
import io.heavenbase.backend.sql.VectorBlobs;
import io.heavenbase.query.Similarity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.Function;

/**
 * The SQLite function {@code hb_similarity(stored BLOB, query BLOB, metric TEXT)}: the engine's
 * {@link Similarity#score} of two float32 blobs, NULL when the stored vector is NULL. One instance
 * per connection, so the decoded query vector can be cached between rows without locking.
 */
final class SqliteSimilarityFunction extends Function {

    static final String NAME = "hb_similarity";

    private byte[] queryBlob;
    private float[] query;
    private String metricId;
    private Metric metric;

    static void register(Connection connection) throws SQLException {
        Function.create(connection, NAME, new SqliteSimilarityFunction(), 3, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        byte[] stored = value_blob(0);
        if (stored == null) {
            result();
            return;
        }
        byte[] blob = value_blob(1);
        if (!Arrays.equals(blob, queryBlob)) {
            queryBlob = blob;
            query = VectorBlobs.decode(blob);
        }
        String id = value_text(2);
        if (!id.equals(metricId)) {
            metricId = id;
            metric = Metric.parse(id);
        }
        result(Similarity.score(metric, VectorBlobs.decode(stored), query));
    }
}
