package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Query;
import io.heavenbase.Workspace;
import io.heavenbase.bench.data.PlainCosineTopK;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import io.heavenbase.bench.data.Vectors;
import io.heavenbase.bench.data.Workspaces;
import io.heavenbase.schema.EntitySchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * A filter on a field of {@code main} (sqlite file) plus near on a vector of {@code vec} (inmem),
 * over {@code size} documents in 20 categories: one HeavenBase query vs the two steps a developer
 * writes over the same two stores (the category's ids from the same SQLite table with JDBC, then a
 * plain cosine loop over an in-memory map restricted to those ids).
 */
public class FilterThenNear extends NearBenchmark {

    static final String ENTITY = "doc";
    static final int CATEGORIES = 20;
    static final int DIMENSIONS = 128;
    private static final String IDS_OF_CATEGORY = "SELECT \"object_id\" FROM \"" + ENTITY + "\" WHERE \"category\" = ?";

    /** Documents loaded (the JMH parameter {@link #open} receives). */
    @Param("50000")
    public int size;

    private ScratchDirectory scratch;
    private Workspace workspace;
    private Connection connection;
    private PreparedStatement idsOfCategory;
    private Map<String, float[]> vectorsById;
    private float[][] queries;

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        scratch = new ScratchDirectory("filter-near");
        float[][] vectors = Vectors.random(size, DIMENSIONS, 17);
        queries = Vectors.random(QUERIES, DIMENSIONS, 19);
        vectorsById = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = String.format("doc-%07d", i);
            vectorsById.put(id, vectors[i]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", id);
            row.put("category", category(i));
            row.put("embedding", vectors[i]);
            rows.add(row);
        }
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Workspaces.sqlite(scratch.resolve("main.db")));
        backends.put("vec", Map.of("type", "inmem"));
        workspace = HeavenBase.open("bench", backends);
        workspace.register(EntitySchema.builder(ENTITY)
                .field("category", "Identifier")
                .field("embedding", "Vector[" + DIMENSIONS + "]")
                .build());
        workspace.upsertMany(ENTITY, rows);
        connection = SqliteItemTable.connect(scratch.resolve("main.db"));
        idsOfCategory = connection.prepareStatement(IDS_OF_CATEGORY);
    }

    @Override
    protected Query filtered(int query) {
        return workspace.query(ENTITY).where(Filter.eq("category", category(query % QUERIES)));
    }

    @Override
    protected float[] vector(int query) {
        return queries[query % QUERIES];
    }

    @Override
    protected List<String> nearest(int query, float[] vector) throws SQLException {
        PlainCosineTopK top = new PlainCosineTopK(TOP_K);
        idsOfCategory.setString(1, category(query % QUERIES));
        try (ResultSet result = idsOfCategory.executeQuery()) {
            while (result.next()) {
                String id = result.getString(1);
                top.offer(id, vectorsById.get(id), vector);
            }
        }
        return top.ids();
    }

    @Override
    public void close() throws SQLException {
        try {
            idsOfCategory.close();
            connection.close();
            workspace.close();
        } finally {
            scratch.close();
        }
    }

    private static String category(int i) {
        return "k" + (i % CATEGORIES);
    }
}
