package io.heavenbase;

import io.heavenbase.schema.DType;

/**
 * The full-text switch of a text field: whether a SQL backend keeps a full-text index for
 * {@code match} on it. Without an index {@code match} gives the same answers, as a scan in the
 * database where the dialect can apply the word rule exactly, otherwise in the engine.
 */
public enum FullText {

    /**
     * By type: on for {@code LongText}, off for every other type. When the workspace also copies
     * the field to its {@code search} backend, that copy is the index and the field's own backend
     * keeps none.
     */
    DEFAULT,

    /** Indexed on every SQL backend that stores the field; only for text types ({@code match} applies). */
    ON,

    /** Never indexed; {@code match} scans. */
    OFF;

    /** Whether a field of this type is indexed under this setting, before the search-copy rule of {@link #DEFAULT}. */
    public boolean indexes(DType dtype) {
        return this == ON || (this == DEFAULT && dtype.kind() == DType.Kind.LONG_TEXT);
    }

    /** The setting of a boolean switch: {@code null} is {@link #DEFAULT}. */
    public static FullText of(Boolean on) {
        return on == null ? DEFAULT : on ? ON : OFF;
    }
}
