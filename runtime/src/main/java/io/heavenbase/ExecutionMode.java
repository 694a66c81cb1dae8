package io.heavenbase;

import java.util.Locale;

/** Whether an operation runs inside the backend ({@code native}) or in the engine ({@code fallback}). */
public enum ExecutionMode {
    NATIVE, FALLBACK;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in capabilities and explain output. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id();
    }
}
