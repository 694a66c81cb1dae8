package io.heavenbase.engine;

import io.heavenbase.query.SearchSpec;
import io.heavenbase.spi.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The engine's relevance ranking, for a text field whose backend cannot rank natively: the field's values are
 * indexed in an in-memory Lucene index and ranked by Lucene's own {@link BM25Similarity} (k1 = 1.2, b = 0.75), so
 * scores are Lucene's by construction. Corpus statistics (document count, average length, document frequencies)
 * cover every row of the entity; the candidates restrict which rows may be returned, as a filter does in a search
 * engine. Ties are broken by {@code object_id} in code point order.
 */
final class TextSearch {

    private static final String ID = "id";
    private static final String TEXT = "text";

    private TextSearch() {
    }

    /**
     * The top {@code search.topK()} rows by relevance, best first.
     *
     * @param texts every row of the entity: object_id to the field's text (null when the row has none)
     * @param candidates the rows that may be returned (all when null)
     */
    static List<Hit> rank(Map<String, String> texts, Collection<String> candidates, SearchSpec search,
            Analyzer analyzer) {
        Query terms = new QueryBuilder(analyzer).createBooleanQuery(TEXT, search.text());
        if (terms == null || texts.isEmpty()) {
            return List.of();
        }
        Query query = terms;
        if (candidates != null) {
            List<BytesRef> ids = new ArrayList<>(candidates.size());
            for (String id : candidates) {
                ids.add(new BytesRef(id));
            }
            query = new BooleanQuery.Builder().add(terms, BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery(ID, ids), BooleanClause.Occur.FILTER).build();
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            index(directory, texts, analyzer);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                Sort order = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
                TopFieldDocs top = searcher.search(query, search.topK(), order, true);
                List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc doc : top.scoreDocs) {
                    String id = searcher.storedFields().document(doc.doc).get(ID);
                    hits.add(new Hit(id, doc.score, Map.of()));
                }
                return hits;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search index failed", e);
        }
    }

    private static void index(ByteBuffersDirectory directory, Map<String, String> texts, Analyzer analyzer)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            List<Document> documents = new ArrayList<>(texts.size());
            for (Map.Entry<String, String> row : texts.entrySet()) {
                Document document = new Document();
                document.add(new StringField(ID, row.getKey(), Field.Store.YES));
                document.add(new SortedDocValuesField(ID, new BytesRef(row.getKey())));
                if (row.getValue() != null) {
                    document.add(new TextField(TEXT, row.getValue(), Field.Store.NO));
                }
                documents.add(document);
            }
            writer.addDocuments(documents);
        }
    }
}
