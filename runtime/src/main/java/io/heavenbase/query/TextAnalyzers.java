package io.heavenbase.query;

import io.heavenbase.TextAnalyzer;
import io.heavenbase.schema.FieldSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzer of a text field: the one place that says which Lucene analyzer turns a field's text (and the text of
 * a {@code match} or {@code search} on it) into terms. Every backend that stores terms or ranks natively, and the
 * engine when it matches or ranks, asks here, so that terms are identical wherever they are computed.
 */
public final class TextAnalyzers {

    /** The default analyzer's name: the word rule of {@link TextMatch}. */
    public static final String STANDARD = TextAnalyzer.STANDARD.id();

    private static final Analyzer STANDARD_ANALYZER = new WordAnalyzer();
    private static final Analyzer ENGLISH_ANALYZER = new EnglishAnalyzerChain();

    private TextAnalyzers() {
    }

    /** The analyzer of {@code field}. Analyzers are thread-safe and shared. */
    public static Analyzer of(FieldSchema field) {
        return named(field.analyzer());
    }

    /** The Lucene analyzer implementing {@code analyzer}. */
    public static Analyzer named(TextAnalyzer analyzer) {
        return analyzer == TextAnalyzer.ENGLISH ? ENGLISH_ANALYZER : STANDARD_ANALYZER;
    }

    /**
     * The analyzer called {@code name} (a name {@link #nameOf} gives), for code that knows a field only as a backend
     * stores it.
     */
    public static Analyzer named(String name) {
        if (STANDARD.equals(name)) {
            return STANDARD_ANALYZER;
        }
        throw new IllegalArgumentException("unknown analyzer '" + name + "'");
    }

    /** The name of {@code field}'s analyzer, as capability tables, explain and stored term tables record it. */
    public static String nameOf(FieldSchema field) {
        return field.analyzer().id();
    }

    /** Whether {@code analyzer} is the {@code standard} word rule, which every backend's match applies natively. */
    static boolean isStandard(Analyzer analyzer) {
        return analyzer instanceof WordAnalyzer;
    }

    /** The terms {@code analyzer} makes of {@code text}, in order, duplicates kept; empty for null. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing in-memory text failed", e);
        }
        return terms;
    }
}
