package io.heavenbase.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values made comparable by content: {@code float[]} and {@code byte[]} become lists, maps and lists
 * are copied deeply, so rows compare with {@code equals} and print readably in assertion messages.
 */
public final class Content {

    private Content() {
    }

    public static Object of(Object value) {
        if (value instanceof float[]) {
            float[] floats = (float[]) value;
            List<Float> out = new ArrayList<>(floats.length);
            for (float f : floats) {
                out.add(f);
            }
            return out;
        }
        if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            List<Byte> out = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                out.add(b);
            }
            return out;
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object element : (List<?>) value) {
                out.add(of(element));
            }
            return out;
        }
        return value;
    }

    /** The row's non-null values by content; absent and null fields are treated alike. */
    public static Map<String, Object> row(Map<String, ?> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null) {
                out.put(k, of(v));
            }
        });
        return out;
    }
}
