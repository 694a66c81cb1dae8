package io.heavenbase.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies of canonical values, so a caller can never change what a store holds (nor a
 * store what a caller was given): arrays are cloned, lists and maps copied deeply and made
 * unmodifiable; immutable scalars (String, numbers, Boolean, Instant, LocalDate) are shared.
 */
public final class ValueCopy {

    private ValueCopy() {
    }

    /** A copy of {@code value} that shares no mutable state with it; {@code null} stays null. */
    public static Object of(Object value) {
        if (value instanceof float[]) {
            return ((float[]) value).clone();
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>(((List<?>) value).size());
            for (Object element : (List<?>) value) {
                copy.add(of(element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, of(v)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }
}
