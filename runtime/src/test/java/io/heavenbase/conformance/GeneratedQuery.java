package io.heavenbase.conformance;

import io.heavenbase.Query;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One random query in both spellings: the JSON map and the same steps on a builder. */
public record GeneratedQuery(Map<String, Object> json, UnaryOperator<Query> builder, boolean hasNear) {
}
