package io.heavenbase.spi;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;

/** A field as one backend stores it: validated name, logical type and chosen strategy. */
public record StoredField(String name, DType dtype, Strategy strategy) {
}
