package io.heavenbase.bench.rows;

import io.heavenbase.Filter;
import io.heavenbase.Query;
import io.heavenbase.bench.data.Langchain4jDocs;
import io.heavenbase.bench.data.PgvectorDocs;
import java.sql.SQLException;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code near} over {@code size} 128-d vectors on pgvector: HeavenBase's pgvector backend vs
 * LangChain4j's {@code PgVectorEmbeddingStore.search} on the same server, over the whole set (this
 * class) or within one of 20 categories ({@link FilteredNearLangchain4j}: a {@code where(eq category)}
 * in HeavenBase, a metadata filter in LangChain4j).
 */
public class NearLangchain4j extends NearBenchmark {

    static final String PREFIX = "hb_bench_lc4j_";
    static final String LANGCHAIN4J_TABLE = "hb_bench_lc4j_store";

    /** Documents loaded (the JMH parameter {@link #open} receives). */
    @Param("50000")
    public int size;

    private final boolean withinCategory;

    private PgvectorDocs docs;
    private Langchain4jDocs langchain4j;

    public NearLangchain4j() {
        this(false);
    }

    protected NearLangchain4j(boolean withinCategory) {
        this.withinCategory = withinCategory;
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        docs = new PgvectorDocs(PREFIX, size);
        langchain4j = new Langchain4jDocs(LANGCHAIN4J_TABLE, docs);
    }

    @Override
    protected Query filtered(int query) {
        Query all = docs.workspace().query(PgvectorDocs.ENTITY);
        return withinCategory ? all.where(Filter.eq("category", category(query))) : all;
    }

    @Override
    protected float[] vector(int query) {
        return docs.query(query);
    }

    @Override
    protected List<String> nearest(int query, float[] vector) {
        return langchain4j.near(vector, TOP_K, withinCategory ? category(query) : null);
    }

    @Override
    public void close() throws SQLException {
        try {
            langchain4j.close();
        } finally {
            docs.close();
        }
    }

    private static String category(int query) {
        return "c" + (query % PgvectorDocs.CATEGORIES);
    }
}
