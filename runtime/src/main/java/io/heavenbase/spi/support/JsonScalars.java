package io.heavenbase.spi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.heavenbase.schema.DType.Kind;

/**
 * The JSON node a document store keeps for a canonical scalar value: the string kinds as text,
 * Integer as a 64-bit integer, Float as a double, Boolean as a boolean, and Timestamp and Date as
 * the integers of {@link EpochNumbers}, so the store compares and ranges them natively.
 */
public final class JsonScalars {

    private JsonScalars() {
    }

    /**
     * The node of a non-null canonical value of a scalar kind ({@link Kind#isScalar()}).
     *
     * @throws ClassCastException when {@code value} is not of the kind's canonical class
     * @throws IllegalArgumentException when {@code kind} is not scalar
     */
    public static JsonNode encode(Kind kind, Object value) {
        if (kind.isStringValued()) {
            return TextNode.valueOf((String) value);
        }
        return switch (kind) {
            case INTEGER -> LongNode.valueOf(((Number) value).longValue());
            case FLOAT -> DoubleNode.valueOf(((Number) value).doubleValue());
            case BOOLEAN -> BooleanNode.valueOf((Boolean) value);
            case TIMESTAMP, DATE -> LongNode.valueOf(EpochNumbers.toNumber(kind, value));
            default -> throw new IllegalArgumentException("not a scalar kind: " + kind);
        };
    }
}
