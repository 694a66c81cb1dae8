package io.heavenbase.engine;

import io.heavenbase.schema.DType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Equality of canonical values as backends hand them back: both sides are normalised by the
 * field's dtype first (a backend may return an Integer as int or long, a Json number as another
 * Number type), then compared by content, vectors and artifacts element by element.
 */
final class SameValues {

    private SameValues() {
    }

    static boolean same(DType dtype, String entity, String field, Object expected, Object actual) {
        return deepEquals(dtype.normalize(expected, entity, field), dtype.normalize(actual, entity, field));
    }

    private static boolean deepEquals(Object a, Object b) {
        if (a instanceof float[] && b instanceof float[]) {
            return Arrays.equals((float[]) a, (float[]) b);
        }
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        if (a instanceof Number && b instanceof Number && !a.getClass().equals(b.getClass())) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        if (a instanceof List && b instanceof List) {
            List<?> left = (List<?>) a;
            List<?> right = (List<?>) b;
            if (left.size() != right.size()) {
                return false;
            }
            Iterator<?> other = right.iterator();
            for (Object item : left) {
                if (!deepEquals(item, other.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> left = (Map<?, ?>) a;
            Map<?, ?> right = (Map<?, ?>) b;
            if (!left.keySet().equals(right.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                if (!deepEquals(entry.getValue(), right.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
