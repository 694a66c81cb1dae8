package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.Query;
import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.Langchain4jDocs;
import io.heavenbase.bench.data.PgvectorDocs;
import java.sql.SQLException;
import java.util.List;
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
 * {@code near} top-10 by cosine over {@code size} 128-d vectors on pgvector: HeavenBase's pgvector
 * backend vs LangChain4j's {@code PgVectorEmbeddingStore.search} on the same server, over the whole
 * set (this class) or within one of 20 categories ({@link FilteredNearLangchain4j}: a
 * {@code where(eq category)} in HeavenBase, a metadata filter in LangChain4j). Both return the ids
 * of the 10 closest, best first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NearLangchain4j implements PairedBenchmark {

    static final String PREFIX = "hb_bench_lc4j_";
    static final String LANGCHAIN4J_TABLE = "hb_bench_lc4j_store";
    static final int TOP_K = 10;

    @Param("20000")
    public int size;

    private final boolean filtered;

    private PgvectorDocs docs;
    private Langchain4jDocs langchain4j;
    private int next;

    public NearLangchain4j() {
        this(false);
    }

    protected NearLangchain4j(boolean filtered) {
        this.filtered = filtered;
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        docs = new PgvectorDocs(PREFIX, size);
        langchain4j = new Langchain4jDocs(LANGCHAIN4J_TABLE, docs);
    }

    @Benchmark
    public List<String> heavenbase() {
        next++;
        Query query = docs.workspace().query(PgvectorDocs.ENTITY);
        if (filtered) {
            query = query.where(Filter.eq("category", category()));
        }
        return query.near("embedding", docs.query(next), TOP_K).select("score").execute().ids();
    }

    @Benchmark
    public List<String> baseline() {
        next++;
        return langchain4j.near(docs.query(next), TOP_K, filtered ? category() : null);
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
    public void close() throws SQLException {
        try {
            langchain4j.close();
        } finally {
            docs.close();
        }
    }

    private String category() {
        return "c" + (next % PgvectorDocs.CATEGORIES);
    }
}
