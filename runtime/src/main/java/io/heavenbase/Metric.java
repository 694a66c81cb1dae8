package io.heavenbase;

import java.util.Locale;

/**
 * Similarity measure of a {@code near} query. Scores are always higher-is-closer:
 * cosine similarity, dot product, and {@code 1 / (1 + euclidean distance)} for L2.
 */
public enum Metric {
    COSINE, DOT, L2;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in configuration, JSON and explain output. */
    public String id() {
        return id;
    }

    /** Parses {@code cosine}, {@code dot} (also {@code ip}, {@code inner_product}) or {@code l2}. */
    public static Metric parse(String id) {
        String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        switch (key) {
            case "cosine":
                return COSINE;
            case "dot":
            case "ip":
            case "inner_product":
                return DOT;
            case "l2":
            case "euclidean":
                return L2;
            default:
                throw new ValidationException(null, "near.metric", "metric",
                        "unknown metric '" + id + "'; expected cosine, dot or l2");
        }
    }
}
