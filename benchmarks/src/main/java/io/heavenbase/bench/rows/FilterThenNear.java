package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.PlainCosineTopK;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import io.heavenbase.bench.data.Vectors;
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
 * A filter on a field of {@code main} (sqlite file) plus near top-10 on a vector of {@code vec}
 * (inmem), over {@code size} documents in 20 categories: one HeavenBase query vs the two steps a
 * developer writes over the same two stores (the category's ids from the same SQLite table with
 * JDBC, then a plain cosine loop over an in-memory map restricted to those ids).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilterThenNear implements PairedBenchmark {

    static final String ENTITY = "doc";
    static final int CATEGORIES = 20;
    static final int DIMENSIONS = 128;
    static final int TOP_K = 10;
    private static final int QUERIES = 64;
    private static final String IDS_OF_CATEGORY = "SELECT \"object_id\" FROM \"" + ENTITY + "\" WHERE \"category\" = ?";

    @Param("50000")
    public int size;

    private ScratchDirectory scratch;
    private Workspace workspace;
    private Connection connection;
    private PreparedStatement idsOfCategory;
    private Map<String, float[]> vectorsById;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

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
        backends.put("main", Map.of("type", "sqlite", "database", scratch.resolve("main.db").toString()));
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

    @Benchmark
    public Object heavenbase() {
        int query = nextQuery();
        return workspace.query(ENTITY)
                .where(Filter.eq("category", category(query)))
                .near("embedding", queries[query], TOP_K)
                .select("score")
                .execute().ids();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        int query = nextQuery();
        float[] vector = queries[query];
        PlainCosineTopK top = new PlainCosineTopK(TOP_K);
        idsOfCategory.setString(1, category(query));
        try (ResultSet result = idsOfCategory.executeQuery()) {
            while (result.next()) {
                String id = result.getString(1);
                top.offer(id, vectorsById.get(id), vector);
            }
        }
        return top.ids();
    }

    @Override
    public Object checkHeavenbase() {
        next = 0;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() throws SQLException {
        next = 0;
        return baseline();
    }

    @TearDown(Level.Trial)
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

    private int nextQuery() {
        next = (next + 1) % QUERIES;
        return next;
    }

    private static String category(int i) {
        return "k" + (i % CATEGORIES);
    }
}
