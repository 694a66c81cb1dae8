package io.heavenbase.bench.rows;

import io.heavenbase.HeavenBase;
import io.heavenbase.Query;
import io.heavenbase.Workspace;
import io.heavenbase.bench.data.PlainCosineTopK;
import io.heavenbase.bench.data.Vectors;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code near} over {@code size} vectors of 128 dimensions on the inmem backend vs a plain Java loop
 * over the same float[] vectors.
 */
public class NearInmem extends NearBenchmark {

    static final String ENTITY = "embedded";
    static final int DIMENSIONS = 128;

    /** Vectors loaded (the JMH parameter {@link #open} receives). */
    @Param("50000")
    public int size;

    private Workspace workspace;
    private String[] ids;
    private float[][] vectors;
    private float[][] queries;

    @Override
    public void open(int size) {
        this.size = size;
        vectors = Vectors.random(size, DIMENSIONS, 11);
        queries = Vectors.random(QUERIES, DIMENSIONS, 13);
        ids = new String[size];
        List<Map<String, Object>> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids[i] = String.format("v-%07d", i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", ids[i]);
            row.put("embedding", vectors[i]);
            rows.add(row);
        }
        workspace = HeavenBase.open("bench", Map.of("vec", Map.of("type", "inmem")));
        workspace.register(EntitySchema.builder(ENTITY).field("embedding", "Vector[" + DIMENSIONS + "]").build());
        workspace.upsertMany(ENTITY, rows);
    }

    @Override
    protected Query filtered(int query) {
        return workspace.query(ENTITY);
    }

    @Override
    protected float[] vector(int query) {
        return queries[query % QUERIES];
    }

    @Override
    protected List<String> nearest(int query, float[] vector) {
        PlainCosineTopK top = new PlainCosineTopK(TOP_K);
        for (int i = 0; i < vectors.length; i++) {
            top.offer(ids[i], vectors[i], vector);
        }
        return top.ids();
    }

    @Override
    public void close() {
        workspace.close();
    }
}
