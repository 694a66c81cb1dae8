package io.heavenbase;

/** Whether an operation runs inside the backend ({@code native}) or in the engine ({@code fallback}). */
public enum ExecutionMode {
    NATIVE("native"),
    FALLBACK("fallback");

    private final String id;

    ExecutionMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
