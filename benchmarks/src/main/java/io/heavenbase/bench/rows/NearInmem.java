package io.heavenbase.bench.rows;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.PlainCosineTopK;
import io.heavenbase.bench.data.Vectors;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code near} top-10 by cosine over {@code size} vectors of 128 dimensions on the inmem backend
 * vs a plain Java loop over the same float[] vectors. Both return the ids of the 10 closest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NearInmem implements PairedBenchmark {

    static final String ENTITY = "embedded";
    static final int DIMENSIONS = 128;
    static final int TOP_K = 10;
    private static final int QUERIES = 64;

    @Param("50000")
    public int size;

    private Workspace workspace;
    private String[] ids;
    private float[][] vectors;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        open(size);
    }

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

    @Benchmark
    public Object heavenbase() {
        return workspace.query(ENTITY).near("embedding", nextQuery(), TOP_K).select("score").execute().ids();
    }

    @Benchmark
    public Object baseline() {
        float[] query = nextQuery();
        PlainCosineTopK top = new PlainCosineTopK(TOP_K);
        for (int i = 0; i < vectors.length; i++) {
            top.offer(ids[i], vectors[i], query);
        }
        return top.ids();
    }

    @Override
    public Object checkHeavenbase() {
        next = 0;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() {
        next = 0;
        return baseline();
    }

    @TearDown(Level.Trial)
    @Override
    public void close() {
        workspace.close();
    }

    private float[] nextQuery() {
        next = (next + 1) % QUERIES;
        return queries[next];
    }
}
