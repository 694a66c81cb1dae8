package io.heavenbase;

import java.util.Arrays;
import java.util.Locale;

/**
 * The analyzer of a text field: how its text (and the text of a {@code match} or {@code search} on it) is turned
 * into terms. Set per field ({@code @Field(analyzer = "english")}, {@code field.analyzer("english")} or the map
 * form's {@code "analyzer": "english"}); only {@code ShortText}, {@code MediumText} and {@code LongText} fields take
 * one. The exact rules are in docs/query-semantics.md ("Analyzers").
 */
public enum TextAnalyzer {

    /**
     * The default: runs of Unicode letters and digits, lower-cased with {@link Locale#ROOT}; no stop words, no
     * stemming, no accent folding.
     */
    STANDARD,

    /**
     * Lucene's {@code EnglishAnalyzer} (and so Elasticsearch's {@code english}): Unicode word segmentation (UAX #29,
     * Lucene's {@code StandardTokenizer}), trailing {@code 's} removed, lower-cased, Lucene's 33 English stop words
     * dropped, Porter stemming.
     */
    ENGLISH;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The name used in the annotation, map form, {@code sys-metaschema} and explain. */
    public String id() {
        return id;
    }

    /** The analyzer called {@code name} (exact, lower case), or null when there is none. */
    public static TextAnalyzer named(String name) {
        return Arrays.stream(values()).filter(analyzer -> analyzer.id.equals(name)).findFirst().orElse(null);
    }

    /** The known names, for error messages: {@code standard, english}. */
    public static String known() {
        StringBuilder out = new StringBuilder();
        for (TextAnalyzer analyzer : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(analyzer.id);
        }
        return out.toString();
    }
}
