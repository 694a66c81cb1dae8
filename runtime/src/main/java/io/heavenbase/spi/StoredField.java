package io.heavenbase.spi;

import io.heavenbase.FullText;
import io.heavenbase.TextAnalyzer;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;

/**
 * A field as one backend stores it: validated name, logical type, chosen strategy, whether this
 * backend should keep a full-text index for {@code match} on it (SQL backends honour it; backends
 * whose text search needs no separate index ignore it) and the text analyzer whose terms a backend
 * stores for ranking it ({@code standard} for every field that is not text).
 */
public record StoredField(String name, DType dtype, Strategy strategy, boolean fullText, TextAnalyzer analyzer) {

    public StoredField {
        analyzer = analyzer == null ? TextAnalyzer.STANDARD : analyzer;
    }

    /** A field with the {@code standard} analyzer. */
    public StoredField(String name, DType dtype, Strategy strategy, boolean fullText) {
        this(name, dtype, strategy, fullText, TextAnalyzer.STANDARD);
    }

    /** A field with its type's default full-text switch (on for LongText only) and the {@code standard} analyzer. */
    public StoredField(String name, DType dtype, Strategy strategy) {
        this(name, dtype, strategy, FullText.DEFAULT.indexes(dtype));
    }
}
