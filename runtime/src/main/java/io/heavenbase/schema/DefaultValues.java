package io.heavenbase.schema;

import java.util.Arrays;
import java.util.Objects;

/** Equality of canonical values, treating arrays (vectors, artifacts) by content. */
final class DefaultValues {

    private DefaultValues() {
    }

    static boolean same(Object a, Object b) {
        if (a instanceof float[] && b instanceof float[]) {
            return Arrays.equals((float[]) a, (float[]) b);
        }
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        return Objects.equals(a, b);
    }
}
