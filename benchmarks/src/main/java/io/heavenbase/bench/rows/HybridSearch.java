package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmarkState;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.Items;
import io.heavenbase.bench.data.PgvectorDocs;
import io.heavenbase.bench.data.RawSearchIndex;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.data.Vectors;
import io.heavenbase.bench.data.Workspaces;
import io.heavenbase.schema.EntitySchema;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Hybrid top-10 over {@code size} {@link Docs} with a 128-d embedding each, on three servers: the filter field
 * {@code category} on {@code main} (postgres), the text {@code body} copied to {@code search} (elasticsearch, ranked
 * natively there), the {@code embedding} on {@code vec} (pgvector, no approximate index, so both sides rank exactly).
 * HeavenBase: one query {@code where(category = c).search("body", word, 10).near("embedding", v, 10)}, fused by RRF
 * (k = 60), first 10. Baseline, the code a developer writes over the same three stores: the category's ids from the
 * very postgres table HeavenBase wrote, a REST {@code match} query restricted to those ids ({@code terms} filter) on
 * its own index of the bodies, {@code ORDER BY embedding <=> ? LIMIT 10} restricted to them ({@code = ANY(?)}) on the
 * very pgvector table HeavenBase wrote, then RRF in Java. Query {@code q} takes a word of one document and that
 * document's category, so the text leg always finds something; one-word queries over bodies of equal length rank
 * alike on both sides (see {@link SearchElasticsearch}), so both return the same ids.
 */
public class HybridSearch extends PairedBenchmarkState {

    private static final int TOP_K = 10;
    private static final int RRF_K = 60;
    private static final int QUERIES = 64;
    private static final int LOAD_CHUNK = 2_000;
    private static final String PREFIX = "hb_bench_hybrid_";
    private static final String TABLE = "\"" + PREFIX + Docs.ENTITY + "\"";
    private static final String RAW_INDEX = "hb_bench_raw_hybrid_docs";
    private static final String RAW_PROPERTIES = "{\"object_id\":{\"type\":\"keyword\"},"
            + "\"body\":{\"type\":\"text\",\"analyzer\":\"standard\"}}";
    private static final String IDS_OF_CATEGORY = "SELECT \"object_id\" FROM " + TABLE + " WHERE \"category\" = ?";
    private static final String NEAREST = "SELECT \"object_id\" FROM " + TABLE
            + " WHERE \"object_id\" = ANY(?) ORDER BY \"embedding\" <=> ?::vector LIMIT " + TOP_K;

    /** Documents loaded (the JMH parameter {@link #open} receives). */
    @Param("50000")
    public int size;

    private Workspace workspace;
    private RawSearchIndex raw;
    private Connection postgres;
    private Connection pgvector;
    private PreparedStatement idsOfCategory;
    private PreparedStatement nearest;
    private final List<String> words = new ArrayList<>(QUERIES);
    private final List<String> categories = new ArrayList<>(QUERIES);
    private float[][] vectors;
    private int next;

    @Override
    public void open(int size) throws Exception {
        this.size = size;
        EntitySchema schema = EntitySchema.builder(Docs.ENTITY)
                .field("category", "Identifier")
                .field("body", "LongText")
                .field("embedding", "Vector[" + PgvectorDocs.DIMENSIONS + "]")
                .build();
        workspace = Workspaces.freshAll(backends(), schema);
        workspace.register(schema);
        float[][] embeddings = Vectors.random(size, PgvectorDocs.DIMENSIONS, 31);
        List<Map<String, Object>> bodies = new ArrayList<>(size);
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            List<Map<String, Object>> rows = new ArrayList<>(LOAD_CHUNK);
            for (int i = from; i < Math.min(size, from + LOAD_CHUNK); i++) {
                Map<String, Object> doc = Docs.row(i, 0);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("object_id", doc.get("object_id"));
                row.put("category", doc.get("category"));
                row.put("body", doc.get("body"));
                row.put("embedding", embeddings[i]);
                rows.add(row);
                bodies.add(Map.of("object_id", doc.get("object_id"), "body", doc.get("body")));
            }
            workspace.upsertMany(Docs.ENTITY, rows);
        }
        raw = RawSearchIndex.create(RAW_INDEX, RAW_PROPERTIES);
        raw.index(bodies);
        for (int q = 0; q < QUERIES; q++) {
            Map<String, Object> doc = Docs.row((q * 7_919) % size, 0);
            String[] body = ((String) doc.get("body")).split(" ");
            words.add(body[q % body.length]);
            categories.add((String) doc.get("category"));
        }
        vectors = Vectors.random(QUERIES, PgvectorDocs.DIMENSIONS, 37);
        postgres = DriverManager.getConnection(Services.postgresUrl());
        idsOfCategory = postgres.prepareStatement(IDS_OF_CATEGORY);
        pgvector = DriverManager.getConnection(Services.pgvectorUrl());
        nearest = pgvector.prepareStatement(NEAREST);
    }

    @Benchmark
    public List<String> heavenbase() {
        int q = nextQuery();
        return workspace.query(Docs.ENTITY).where(Filter.eq("category", categories.get(q)))
                .search("body", words.get(q), TOP_K).near("embedding", vectors[q], TOP_K)
                .limit(TOP_K).select("object_id").execute().ids();
    }

    @Benchmark
    public List<String> baseline() throws SQLException, IOException, InterruptedException {
        int q = nextQuery();
        List<String> eligible = idsOf(categories.get(q));
        List<String> text = raw.match("body", words.get(q), TOP_K, eligible);
        List<String> near = nearest(eligible, vectors[q]);
        return reciprocalRankFusion(text, near);
    }

    @Override
    public Object checkHeavenbase() {
        next = 0;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() throws SQLException, IOException, InterruptedException {
        next = 0;
        return baseline();
    }

    @Override
    public void close() throws Exception {
        try (Connection openedPostgres = postgres; Connection openedPgvector = pgvector;
                PreparedStatement openedIds = idsOfCategory; PreparedStatement openedNearest = nearest;
                RawSearchIndex openedRaw = raw) {
            if (workspace != null) {
                workspace.drop();
                workspace.close();
            }
        }
    }

    private static Map<String, Map<String, Object>> backends() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Workspaces.postgres(PREFIX));
        backends.put("search", Map.of("type", "elasticsearch", "hosts", Services.elasticsearchHosts(),
                "prefix", PREFIX));
        // index=none: exact ranking on both sides (see PgvectorDocs).
        backends.put("vec", Map.of("type", "pgvector", "url", Services.pgvectorUrl(), "prefix", PREFIX,
                "pool-size", 2, "index", "none"));
        return backends;
    }

    private int nextQuery() {
        next = (next + 1) % QUERIES;
        return next;
    }

    private List<String> idsOf(String category) throws SQLException {
        idsOfCategory.setString(1, category);
        List<String> ids = new ArrayList<>(size / Items.CATEGORIES + 1);
        try (ResultSet result = idsOfCategory.executeQuery()) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    private List<String> nearest(List<String> eligible, float[] vector) throws SQLException {
        Array ids = pgvector.createArrayOf("text", eligible.toArray());
        List<String> found = new ArrayList<>(TOP_K);
        try {
            nearest.setArray(1, ids);
            nearest.setString(2, PgvectorDocs.text(vector));
            try (ResultSet result = nearest.executeQuery()) {
                while (result.next()) {
                    found.add(result.getString(1));
                }
            }
        } finally {
            ids.free();
        }
        return found;
    }

    /** RRF as Elasticsearch defines it: Σ 1 / (k + rank) over the lists holding the id, best first, ties by id. */
    private static List<String> reciprocalRankFusion(List<String> text, List<String> near) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : List.of(text, near)) {
            for (int rank = 1; rank <= ranking.size(); rank++) {
                scores.merge(ranking.get(rank - 1), 1.0 / (RRF_K + rank), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> fused = new ArrayList<>(scores.entrySet());
        fused.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> top = new ArrayList<>(TOP_K);
        for (int i = 0; i < Math.min(TOP_K, fused.size()); i++) {
            top.add(fused.get(i).getKey());
        }
        return top;
    }
}
