package io.heavenbase.backend.pinecone;

import io.heavenbase.Metric;
import java.net.URI;

/**
 * The index a backend writes to: its data-plane URL, dimension and metric.
 *
 * @param host      the data-plane base URL
 * @param dimension the dimension of every record's values
 * @param metric    the metric Pinecone ranks queries by
 */
record PineconeIndex(URI host, int dimension, Metric metric) {

    /** Pinecone's metric names: {@code cosine}, {@code dotproduct}, {@code euclidean}. */
    static Metric metric(String pineconeName) {
        switch (pineconeName) {
            case "dotproduct":
                return Metric.DOT;
            case "euclidean":
                return Metric.L2;
            case "cosine":
                return Metric.COSINE;
            default:
                throw new IllegalArgumentException("unknown Pinecone metric '" + pineconeName + "'");
        }
    }

    static String pineconeName(Metric metric) {
        switch (metric) {
            case DOT:
                return "dotproduct";
            case L2:
                return "euclidean";
            default:
                return "cosine";
        }
    }

    /** A path on the data plane, e.g. {@code /query}. */
    URI resolve(String pathAndQuery) {
        String base = host.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }
}
