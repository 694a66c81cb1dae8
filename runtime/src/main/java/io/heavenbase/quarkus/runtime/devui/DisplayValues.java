package io.heavenbase.quarkus.runtime.devui;

import java.util.Arrays;

/** Cell values as the Dev UI results table shows them: numbers and booleans as they are, the rest as text. */
final class DisplayValues {

    private DisplayValues() {
    }

    static Object of(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof float[] floats) {
            return Arrays.toString(floats);
        }
        if (value instanceof double[] doubles) {
            return Arrays.toString(doubles);
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        return String.valueOf(value);
    }
}
