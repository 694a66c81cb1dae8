package io.heavenbase.conformance;

import io.heavenbase.Filter;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One filter written twice (builder and JSON) with the rows it must select, stated in plain Java.
 */
public record OperatorCase(String name, Filter filter, Map<String, Object> json, Predicate<Map<String, Object>> expected) {

    @Override
    public String toString() {
        return name;
    }
}
