package io.heavenbase.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical row values to JSON-safe values for the write journal. Decoding is
 * {@link io.heavenbase.schema.DType#normalize}, which accepts exactly these spellings back
 * (ISO-8601 instants and dates, number lists for vectors, Base64 for artifacts).
 */
final class JournalCodec {

    private JournalCodec() {
    }

    static Object encode(Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof float[]) {
            float[] vector = (float[]) value;
            List<Double> out = new ArrayList<>(vector.length);
            for (float f : vector) {
                out.add((double) f);
            }
            return out;
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) value) {
                out.add(encode(item));
            }
            return out;
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.put(String.valueOf(entry.getKey()), encode(entry.getValue()));
            }
            return out;
        }
        return value;
    }
}
