package io.heavenbase.search;

import io.heavenbase.query.ValueOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The reference every search result is checked against: Apache Lucene itself. The documents are indexed in a
 * Lucene index of their own with {@link BM25Similarity} and the given analyzer, the query text becomes Lucene's
 * OR query of its analyzed terms, and every matching document is scored; the expected top-k are the best scores,
 * ties by object_id in code point order, restricted to the rows a filter keeps.
 */
public final class LuceneReference {

    /** One expected hit. */
    public record Scored(String id, float score) {
    }

    private static final String ID = "id";
    private static final String TEXT = "text";

    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** Indexes {@code texts} (object_id to text, null for none). */
    public LuceneReference(Map<String, String> texts, Analyzer analyzer) {
        this.analyzer = analyzer;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setSimilarity(new BM25Similarity()))) {
            for (Map.Entry<String, String> row : texts.entrySet()) {
                Document document = new Document();
                document.add(new StringField(ID, row.getKey(), Field.Store.YES));
                if (row.getValue() != null) {
                    document.add(new TextField(TEXT, row.getValue(), Field.Store.NO));
                }
                writer.addDocument(document);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    /** The expected top {@code k} for {@code text} among the rows {@code kept} accepts. */
    public List<Scored> top(String text, int k, Predicate<String> kept) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, text);
        if (query == null) {
            return List.of();
        }
        List<Scored> all = new ArrayList<>();
        try {
            for (ScoreDoc doc : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
                String id = searcher.storedFields().document(doc.doc).get(ID);
                if (kept.test(id)) {
                    all.add(new Scored(id, doc.score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(Comparator.comparing(Scored::score, Comparator.reverseOrder())
                .thenComparing(Scored::id, ValueOrder::compareText));
        return all.subList(0, Math.min(k, all.size()));
    }

    /** Whether the analyzer makes at least one term of {@code text} (Lucene builds no query otherwise). */
    public boolean hasTerms(String text) {
        return new QueryBuilder(analyzer).createBooleanQuery(TEXT, text) != null;
    }

    /** The ids of every row whose text holds all analyzed terms of {@code text} (none when it has no terms). */
    public Set<String> holdingAll(String text) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, text, BooleanClause.Occur.MUST);
        Set<String> ids = new TreeSet<>();
        if (query == null) {
            return ids;
        }
        try {
            for (ScoreDoc doc : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
                ids.add(searcher.storedFields().document(doc.doc).get(ID));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
