package io.heavenbase.spi;

import java.util.Map;

/** One row answered by a backend for a {@link Fragment}: its id, its score (NaN without near), columns. */
public record Hit(String objectId, double score, Map<String, Object> columns) {
}
