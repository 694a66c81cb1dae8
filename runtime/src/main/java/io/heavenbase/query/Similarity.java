package io.heavenbase.query;

import io.heavenbase.Metric;

/**
 * Higher-is-closer scores, computed in double: cosine similarity (0 when a norm is 0), dot product,
 * and {@code 1 / (1 + euclidean distance)} for L2.
 */
public final class Similarity {

    private Similarity() {
    }

    /** The score of {@code stored} against {@code query}; both must have the same length. */
    public static double score(Metric metric, float[] stored, float[] query) {
        if (stored.length != query.length) {
            throw new IllegalArgumentException(
                    "vector lengths differ: stored " + stored.length + ", query " + query.length);
        }
        switch (metric) {
            case COSINE:
                return cosine(stored, query);
            case DOT:
                return dot(stored, query);
            case L2:
                return 1.0 / (1.0 + euclidean(stored, query));
            default:
                throw new IllegalArgumentException("unknown metric " + metric);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double normA = Math.sqrt(dot(a, a));
        double normB = Math.sqrt(dot(b, b));
        if (normA == 0.0 || normB == 0.0) {
            return 0.0;
        }
        return dot(a, b) / (normA * normB);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double euclidean(float[] a, float[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
