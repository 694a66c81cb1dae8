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
        requireSameLength(stored, query);
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

    /** Scores stored vectors against one query vector, with the query's norm computed once. */
    @FunctionalInterface
    public interface Scorer {
        /** The same value as {@link Similarity#score} of {@code stored} against the scorer's query. */
        double score(float[] stored);
    }

    /** A {@link Scorer} for {@code query}; the query array must not change while the scorer is used. */
    public static Scorer scorer(Metric metric, float[] query) {
        if (metric != Metric.COSINE) {
            return stored -> score(metric, stored, query);
        }
        double queryNorm = Math.sqrt(dot(query, query));
        return stored -> {
            requireSameLength(stored, query);
            return cosine(stored, query, queryNorm);
        };
    }

    private static void requireSameLength(float[] stored, float[] query) {
        if (stored.length != query.length) {
            throw new IllegalArgumentException(
                    "vector lengths differ: stored " + stored.length + ", query " + query.length);
        }
    }

    private static double cosine(float[] a, float[] b) {
        return cosine(a, b, Math.sqrt(dot(b, b)));
    }

    /** One pass over both vectors; each sum adds the same terms in the same order as {@link #dot}. */
    private static double cosine(float[] a, float[] b, double normB) {
        double dotAb = 0.0;
        double dotAa = 0.0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            dotAb += x * b[i];
            dotAa += x * x;
        }
        double normA = Math.sqrt(dotAa);
        if (normA == 0.0 || normB == 0.0) {
            return 0.0;
        }
        return dotAb / (normA * normB);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** The Euclidean distance of two vectors of the same length, summed in double. */
    public static double euclidean(float[] a, float[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
