package io.heavenbase.bench.data;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The same documents as {@link PgvectorDocs} in LangChain4j's {@link PgVectorEmbeddingStore} on the
 * same server, in its own table, as a Quarkus user of {@code langchain4j-pgvector} stores them: the
 * category as segment metadata (its default JSON metadata column), no approximate index (HeavenBase's
 * plain Vector field has none either, so both scan exactly), an Agroal pool of one connection.
 */
public final class Langchain4jDocs implements AutoCloseable {

    /**
     * Embeddings per {@code addAll} call. One call with all 50k made PGlite's wire-protocol server
     * mismatch the pipelined batch messages ("bind message supplies 4 parameters, but prepared
     * statement requires 3"); loading in chunks is also how an application feeds a large corpus.
     */
    private static final int LOAD_CHUNK = 500;

    private final String table;
    private final AgroalDataSource pool;
    private final PgVectorEmbeddingStore store;

    public Langchain4jDocs(String table, PgvectorDocs docs) throws SQLException {
        this.table = table;
        pool = AgroalPools.postgres(Services.pgvectorUrl(), 1, false);
        store = PgVectorEmbeddingStore.datasourceBuilder().datasource(pool).table(table)
                .dimension(PgvectorDocs.DIMENSIONS).useIndex(false).createTable(true).dropTableFirst(true).build();
        for (int from = 0; from < docs.size(); from += LOAD_CHUNK) {
            int to = Math.min(docs.size(), from + LOAD_CHUNK);
            List<String> ids = new ArrayList<>(to - from);
            List<Embedding> embeddings = new ArrayList<>(to - from);
            List<TextSegment> segments = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                ids.add(docs.id(i));
                embeddings.add(Embedding.from(docs.vector(i)));
                segments.add(TextSegment.from("document " + i, Metadata.from("category", docs.category(i))));
            }
            store.addAll(ids, embeddings, segments);
        }
    }

    /** The ids of the {@code k} closest embeddings by cosine, best first, within {@code category} unless null. */
    public List<String> near(float[] query, int k, String category) {
        EmbeddingSearchRequest.EmbeddingSearchRequestBuilder request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(query)).maxResults(k);
        if (category != null) {
            Filter sameCategory = MetadataFilterBuilder.metadataKey("category").isEqualTo(category);
            request.filter(sameCategory);
        }
        List<EmbeddingMatch<TextSegment>> matches = store.search(request.build()).matches();
        List<String> ids = new ArrayList<>(matches.size());
        for (EmbeddingMatch<TextSegment> match : matches) {
            ids.add(match.embeddingId());
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        } finally {
            pool.close();
        }
    }
}
