package io.heavenbase;

import java.util.Locale;

/**
 * How a hybrid query ({@link Query#search} and {@link Query#near} together) fuses its two rankings into one.
 * <ul>
 * <li>{@link #rrf()}: Reciprocal Rank Fusion as Elasticsearch and OpenSearch define it: a row's score is the sum,
 * over the legs that returned it, of {@code 1 / (k + rank)}, rank counted from 1, k = 60 by default.</li>
 * <li>{@link #weighted}: each leg's scores are min-max normalised to [0, 1] (all equal: 1) and the fused score is
 * {@code searchWeight * search + nearWeight * near}, a leg that did not return the row adding 0.</li>
 * </ul>
 * Ties are broken by {@code object_id}.
 *
 * @param method the fusion method
 * @param rankConstant RRF's k (at least 1); unused by the weighted method
 * @param searchWeight the text leg's weight (weighted method)
 * @param nearWeight the vector leg's weight (weighted method)
 */
public record Fusion(Method method, int rankConstant, double searchWeight, double nearWeight) {

    /** The fusion methods. */
    public enum Method {
        RRF, WEIGHTED;

        private final String id = name().toLowerCase(Locale.ROOT);

        /** The JSON spelling: the lower-case name. */
        public String id() {
            return id;
        }
    }

    /** RRF's rank constant when none is given, as in Elasticsearch and OpenSearch. */
    public static final int DEFAULT_RANK_CONSTANT = 60;

    /** Reciprocal Rank Fusion with k = 60. */
    public static Fusion rrf() {
        return rrf(DEFAULT_RANK_CONSTANT);
    }

    /** Reciprocal Rank Fusion with rank constant {@code k}. */
    public static Fusion rrf(int k) {
        return new Fusion(Method.RRF, k, 0, 0);
    }

    /** A weighted sum of min-max normalised scores. */
    public static Fusion weighted(double searchWeight, double nearWeight) {
        return new Fusion(Method.WEIGHTED, DEFAULT_RANK_CONSTANT, searchWeight, nearWeight);
    }
}
