package io.heavenbase.query;

import io.heavenbase.Metric;

/** A similarity search: the {@code topK} rows whose {@code field} is closest to {@code vector}. */
public record NearSpec(String field, float[] vector, int topK, Metric metric) {
}
