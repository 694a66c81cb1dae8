package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmarkState;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.RawSearchIndex;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.data.Workspaces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Search top-10 over {@code size} {@link Docs} on an OpenSearch/Elasticsearch node ({@link Services#searchNode}: the
 * server at {@value Services#ELASTICSEARCH_VARIABLE}, else an OpenSearch node the harness starts):
 * {@code ws.query("doc").search("body", word, 10)} on an elasticsearch-only workspace (the server's BM25 over the
 * backend's {@code hb-terms}) vs a hand-written REST {@code match} query on an index of the same documents with the
 * {@code standard} analyzer, sorted by {@code _score} then {@code object_id}, sent with the JDK's HTTP client.
 * One-word queries over bodies of equal length rank by term frequency then id on both sides, so both return the
 * same ids.
 */
public class SearchElasticsearch extends PairedBenchmarkState {

    private static final int TOP_K = 10;
    private static final int QUERIES = 64;
    private static final String PREFIX = "hb_bench_search_";
    private static final String RAW_INDEX = "hb_bench_raw_search_docs";
    private static final String RAW_PROPERTIES = "{\"object_id\":{\"type\":\"keyword\"},"
            + "\"category\":{\"type\":\"keyword\"},\"qty\":{\"type\":\"long\"},"
            + "\"body\":{\"type\":\"text\",\"analyzer\":\"standard\"}}";

    @Param("100000")
    public int size;

    private Workspace workspace;
    private RawSearchIndex raw;
    private List<String> words;
    private int next;

    @Override
    public void open(int size) throws Exception {
        this.size = size;
        Map<String, Object> config = Map.of("type", "elasticsearch", "hosts", Services.elasticsearchHosts(),
                "prefix", PREFIX);
        workspace = Workspaces.fresh(config, Docs.schema());
        workspace.register(Docs.schema());
        List<Map<String, Object>> rows = Docs.rows(0, size, 0);
        workspace.upsertMany(Docs.ENTITY, rows);
        raw = RawSearchIndex.create(RAW_INDEX, RAW_PROPERTIES);
        raw.index(rows);
        words = new ArrayList<>(QUERIES);
        for (int q = 0; q < QUERIES; q++) {
            String[] body = ((String) rows.get((q * 7_919) % rows.size()).get("body")).split(" ");
            words.add(body[q % body.length]);
        }
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.query(Docs.ENTITY).search("body", nextWord(), TOP_K).select("object_id").execute().ids();
    }

    @Benchmark
    public Object baseline() throws IOException, InterruptedException {
        return raw.match("body", nextWord(), TOP_K, null);
    }

    @Override
    public Object checkHeavenbase() {
        next = 0;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() throws IOException, InterruptedException {
        next = 0;
        return baseline();
    }

    @Override
    public void close() throws Exception {
        try (RawSearchIndex opened = raw) {
            if (workspace != null) {
                workspace.drop();
                workspace.close();
            }
        }
    }

    private String nextWord() {
        next = (next + 1) % words.size();
        return words.get(next);
    }
}
