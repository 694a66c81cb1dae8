package io.heavenbase.routing;

import io.heavenbase.schema.Strategy;

/** Where one field lives: backend name, that backend's type key and the strategy. */
public record Placement(String backend, String type, Strategy strategy) {
}
