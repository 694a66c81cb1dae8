package io.heavenbase.bench.rows;

import io.heavenbase.Query;
import io.heavenbase.bench.data.PgvectorDocs;
import io.heavenbase.bench.data.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code near} over {@code size} 128-d vectors on pgvector: HeavenBase's pgvector backend vs the raw
 * SQL a developer writes on the very table it created ({@code ORDER BY embedding <=> ?::vector LIMIT 10},
 * prepared once, one connection). Neither uses an approximate index (a plain Vector field has none),
 * so both scan exactly.
 */
public class NearPgvector extends NearBenchmark {

    static final String PREFIX = "hb_bench_near_";
    private static final String NEAREST = "SELECT \"object_id\" FROM \"" + PREFIX + PgvectorDocs.ENTITY
            + "\" ORDER BY \"embedding\" <=> ?::vector LIMIT " + TOP_K;

    /** Documents loaded (the JMH parameter {@link #open} receives). */
    @Param("50000")
    public int size;

    private PgvectorDocs docs;
    private Connection connection;
    private PreparedStatement nearest;

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        docs = new PgvectorDocs(PREFIX, size);
        connection = DriverManager.getConnection(Services.pgvectorUrl());
        nearest = connection.prepareStatement(NEAREST);
    }

    @Override
    protected Query filtered(int query) {
        return docs.workspace().query(PgvectorDocs.ENTITY);
    }

    @Override
    protected float[] vector(int query) {
        return docs.query(query);
    }

    @Override
    protected List<String> nearest(int query, float[] vector) throws SQLException {
        nearest.setString(1, PgvectorDocs.text(vector));
        List<String> ids = new ArrayList<>(TOP_K);
        try (ResultSet result = nearest.executeQuery()) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            nearest.close();
        } finally {
            docs.close();
        }
    }
}
