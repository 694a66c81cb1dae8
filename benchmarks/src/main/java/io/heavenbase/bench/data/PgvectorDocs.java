package io.heavenbase.bench.data;

import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vector data set of the pgvector benchmarks: {@code size} documents with a {@code category}
 * (one of {@value #CATEGORIES}) and a 128-d {@code embedding}, written through HeavenBase's pgvector
 * backend ({@code HEAVENBASE_TEST_PGVECTOR_URL}) under a prefix, its tables dropped first and on
 * close. Ids are UUIDs, because LangChain4j's pgvector store keys its rows by UUID.
 */
public final class PgvectorDocs implements AutoCloseable {

    public static final String ENTITY = "doc";
    public static final int CATEGORIES = 20;
    public static final int DIMENSIONS = 128;
    private static final int QUERIES = 64;
    private static final int LOAD_CHUNK = 2_000;

    private final String[] ids;
    private final String[] categories;
    private final float[][] vectors;
    private final float[][] queries;
    private final Workspace workspace;

    public PgvectorDocs(String prefix, int size) {
        ids = new String[size];
        categories = new String[size];
        vectors = Vectors.random(size, DIMENSIONS, 23);
        queries = Vectors.random(QUERIES, DIMENSIONS, 29);
        for (int i = 0; i < size; i++) {
            ids[i] = UUID.nameUUIDFromBytes(("doc-" + i).getBytes(StandardCharsets.UTF_8)).toString();
            categories[i] = "c" + (i % CATEGORIES);
        }
        // index=none: both sides scan exactly (LangChain4j's store runs with useIndex(false)); with the
        // backend's default HNSW index the raw-SQL baseline would read the index while HeavenBase ranks exactly.
        Map<String, Object> backend = Map.of("type", "pgvector", "url", Services.pgvectorUrl(), "prefix", prefix,
                "pool-size", 2, "index", "none");
        EntitySchema schema = EntitySchema.builder(ENTITY).field("category", "Identifier")
                .field("embedding", "Vector[" + DIMENSIONS + "]").build();
        workspace = Workspaces.fresh(backend, schema);
        workspace.register(schema);
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = from; i < Math.min(size, from + LOAD_CHUNK); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("object_id", ids[i]);
                row.put("category", categories[i]);
                row.put("embedding", vectors[i]);
                rows.add(row);
            }
            workspace.upsertMany(ENTITY, rows);
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public String category(int i) {
        return categories[i];
    }

    public float[] vector(int i) {
        return vectors[i];
    }

    /** Query vector {@code n} of a fixed cycle of {@value #QUERIES}. */
    public float[] query(int n) {
        return queries[n % QUERIES];
    }

    /** pgvector's text form of a vector, {@code [x,y,...]}. */
    public static String text(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 12 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']').toString();
    }

    @Override
    public void close() {
        try {
            workspace.drop();
        } finally {
            workspace.close();
        }
    }
}
