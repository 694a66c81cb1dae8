package io.heavenbase.query;

import io.heavenbase.schema.FieldSchema;
import org.apache.lucene.analysis.Analyzer;

/**
 * The analyzer of a text field: the one place that says which Lucene analyzer turns a field's text (and the text of
 * a {@code match} or {@code search} on it) into terms. Every backend that stores terms or ranks natively, and the
 * engine when it ranks, asks here, so that terms are identical wherever they are computed.
 */
public final class TextAnalyzers {

    /** The default analyzer's name: the word rule of {@link TextMatch}. */
    public static final String STANDARD = "standard";

    private static final Analyzer STANDARD_ANALYZER = new WordAnalyzer();

    private TextAnalyzers() {
    }

    /** The analyzer of {@code field}. Analyzers are thread-safe and shared. */
    public static Analyzer of(FieldSchema field) {
        return STANDARD_ANALYZER;
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
        return STANDARD;
    }
}
