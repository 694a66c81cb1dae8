package io.heavenbase.spi.support;

import io.heavenbase.query.TextAnalyzers;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.SmallFloat;

/**
 * Lucene 9's {@code BM25Similarity} (k1 = 1.2, b = 0.75) as arithmetic, for backends that rank from stored term
 * frequencies and document lengths: the same float operations in the same order, so scores are Lucene's to the
 * last bit where the statistics are the same. A document's length is the number of its terms (tokens that take a
 * position; overlapping tokens do not count), stored by Lucene as a one-byte norm, so the score uses the decoded
 * length {@link #normLength}; the average length is the sum of all term frequencies over the number of documents
 * that have at least one term in the field.
 */
public final class Bm25 {

    /** Term frequency saturation. */
    public static final float K1 = 1.2f;
    /** Length normalisation. */
    public static final float B = 0.75f;

    private Bm25() {
    }

    /** The terms of a document or a query, and the document's length. */
    public record Analyzed(Map<String, Integer> frequencies, List<String> terms, int length) {
    }

    /** Terms longer than this many characters are stored under {@link #termKey}'s hashed form. */
    public static final int MAX_TERM_CHARS = 40;

    /**
     * The stored form of a term: the term itself, or for one longer than {@value #MAX_TERM_CHARS} characters
     * {@code '#'} plus 40 hex digits of its SHA-256 (no term of the word analyzers contains {@code '#'}, so this
     * cannot collide with a short term), so keys fit every store's key type and tokenizer limits.
     */
    public static String termKey(String term) {
        if (term.length() <= MAX_TERM_CHARS) {
            return term;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(term.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The analyzer of a stored text field: the terms a backend stores and ranks are this analyzer's. */
    public static Analyzer analyzer(StoredField field) {
        return TextAnalyzers.named(field.analyzer());
    }

    /** The text's terms in order, each term's frequency and the length Lucene counts. */
    public static Analyzed analyze(Analyzer analyzer, String field, String text) {
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        int length = 0;
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String value = term.toString();
                terms.add(value);
                frequencies.merge(value, 1, Integer::sum);
                if (increment.getPositionIncrement() != 0) {
                    length++;
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text failed", e);
        }
        return new Analyzed(frequencies, terms, length);
    }

    /** The length Lucene scores with: the document length through its one-byte norm and back. */
    public static int normLength(int length) {
        return SmallFloat.byte4ToInt(SmallFloat.intToByte4(length));
    }

    /** Lucene's idf: {@code log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5))}. */
    public static float idf(long docFreq, long docCount) {
        return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    /** Lucene's average field length: the sum of all term frequencies over the documents that have the field. */
    public static float averageLength(long sumTermFrequencies, long docCount) {
        return (float) (sumTermFrequencies / (double) docCount);
    }

    /**
     * The scorer of one field for one query: per term the weight (occurrences in the query × idf), per document
     * the sum of term scores as Lucene's disjunction adds them (float term scores summed in double, then float).
     */
    public static final class Scorer {

        private final float averageLength;

        public Scorer(float averageLength) {
            this.averageLength = averageLength;
        }

        /** The score of one term in a document: {@code weight - weight / (1 + tf * normInverse)} in float. */
        public float termScore(float weight, int frequency, int normLength) {
            float normInverse = 1f / (K1 * ((1 - B) + B * normLength / averageLength));
            return weight - weight / (1f + frequency * normInverse);
        }

        /** The document's score from its term scores in query order. */
        public static float sum(float[] termScores) {
            double sum = 0;
            for (float score : termScores) {
                sum += score;
            }
            return (float) sum;
        }
    }
}
