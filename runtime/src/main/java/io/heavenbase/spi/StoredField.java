package io.heavenbase.spi;

import io.heavenbase.FullText;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;

/**
 * A field as one backend stores it: validated name, logical type, chosen strategy and whether this
 * backend should keep a full-text index for {@code match} on it (SQL backends honour it; backends
 * whose text search needs no separate index ignore it).
 */
public record StoredField(String name, DType dtype, Strategy strategy, boolean fullText) {

    /** A field with its type's default full-text switch (on for LongText only). */
    public StoredField(String name, DType dtype, Strategy strategy) {
        this(name, dtype, strategy, FullText.DEFAULT.indexes(dtype));
    }
}
