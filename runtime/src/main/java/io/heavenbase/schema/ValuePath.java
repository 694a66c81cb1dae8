package io.heavenbase.schema;

import io.heavenbase.ValidationException;
import java.util.Arrays;

/**
 * Where a value being normalised sits: its entity, its field and, inside arrays, JSON and HyperG
 * values, the path below the field ({@code tags[2]}, {@code links[0].target}). Builds the
 * validation errors, so every message names entity, field, rule and the (shortened) value.
 */
record ValuePath(String entity, String field, String path) {

    ValuePath(String entity, String field) {
        this(entity, field, field);
    }

    ValuePath index(int i) {
        return new ValuePath(entity, field, path + "[" + i + "]");
    }

    ValuePath key(String key) {
        return new ValuePath(entity, field, path + "." + key);
    }

    ValidationException invalid(String rule, String reason, Object value) {
        StringBuilder message = new StringBuilder();
        if (entity != null) {
            message.append("entity '").append(entity).append("' ");
        }
        message.append(path != null ? "field '" + path + "'" : "value");
        message.append(": ").append(reason).append(" (rule ").append(rule).append(", value ")
                .append(describe(value)).append(')');
        return new ValidationException(entity, field, rule, message.toString());
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            return "'" + Names.shorten(value) + "'";
        }
        if (value instanceof float[]) {
            return Names.shorten(Arrays.toString((float[]) value));
        }
        if (value instanceof double[]) {
            return Names.shorten(Arrays.toString((double[]) value));
        }
        if (value instanceof byte[]) {
            return "byte[" + ((byte[]) value).length + "]";
        }
        if (value instanceof Object[]) {
            return Names.shorten(Arrays.toString((Object[]) value));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Names.shorten(value);
        }
        return Names.shorten(value) + " of type " + value.getClass().getName();
    }
}
