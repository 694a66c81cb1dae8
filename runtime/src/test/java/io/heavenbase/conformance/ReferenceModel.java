package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.OBJECT_ID;

import io.heavenbase.Metric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What every backend must answer, computed by plain Java over the rows a test inserted. Written
 * independently of the engine's evaluator on purpose: it is the oracle, not the code under test.
 */
public final class ReferenceModel {

    private ReferenceModel() {
    }

    /** Ids of the rows satisfying {@code predicate}, ascending. */
    public static List<String> idsWhere(List<Map<String, Object>> rows, Predicate<Map<String, Object>> predicate) {
        return rows.stream().filter(predicate).map(r -> (String) r.get(OBJECT_ID)).sorted(ReferenceModel::compareText)
                .toList();
    }

    /** Ids of all rows in the order of {@code order}. */
    public static List<String> idsOrdered(List<Map<String, Object>> rows, Comparator<Map<String, Object>> order) {
        return rows.stream().sorted(order).map(r -> (String) r.get(OBJECT_ID)).toList();
    }

    /**
     * Ascending or descending by one field: nulls last ascending and first descending, then by
     * object_id ascending.
     */
    public static Comparator<Map<String, Object>> by(String field, boolean descending) {
        return key(field, descending).thenComparing(byId());
    }

    /** Several keys, then object_id. Each key is a field name, {@code -field} for descending. */
    public static Comparator<Map<String, Object>> by(String... keys) {
        Comparator<Map<String, Object>> order = null;
        for (String key : keys) {
            boolean descending = key.startsWith("-");
            Comparator<Map<String, Object>> next = key(descending ? key.substring(1) : key, descending);
            order = order == null ? next : order.thenComparing(next);
        }
        return order == null ? byId() : order.thenComparing(byId());
    }

    private static Comparator<Map<String, Object>> byId() {
        return (a, b) -> compareText((String) a.get(OBJECT_ID), (String) b.get(OBJECT_ID));
    }

    private static Comparator<Map<String, Object>> key(String field, boolean descending) {
        return (a, b) -> {
            Object x = a.get(field);
            Object y = b.get(field);
            if (x == null || y == null) {
                if (x == y) {
                    return 0;
                }
                // nulls last ascending, first descending: in both directions a null is "largest"
                int nullsLast = x == null ? 1 : -1;
                return descending ? -nullsLast : nullsLast;
            }
            int c = compareValues(x, y);
            return descending ? -c : c;
        };
    }

    /** Natural order of two non-null canonical values: text by code point, numbers numerically. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object x, Object y) {
        if (x instanceof String && y instanceof String) {
            return compareText((String) x, (String) y);
        }
        if (x instanceof Number && y instanceof Number) {
            return exact((Number) x).compareTo(exact((Number) y));
        }
        if (x instanceof Instant || x instanceof LocalDate || x instanceof Boolean) {
            return ((Comparable) x).compareTo(y);
        }
        throw new IllegalArgumentException("not comparable: " + x + " / " + y);
    }

    /** Unicode code point order (not UTF-16 unit order, not a collation). */
    public static int compareText(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Value equality as filters see it: numbers numerically (exactly, even beyond double precision), else equals. */
    public static boolean same(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            return exact((Number) x).compareTo(exact((Number) y)) == 0;
        }
        return x != null && x.equals(y);
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** Words of a text: runs of Unicode letters or digits, lower-cased. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Full-text match: every word of the query occurs in the text; a query without words matches nothing. */
    public static boolean matches(Object text, String query) {
        List<String> wanted = words(query);
        return text != null && !wanted.isEmpty() && words((String) text).containsAll(wanted);
    }

    /** Some element's words occur as a contiguous word run inside {@code text}. */
    public static boolean containedIn(Object elements, String text) {
        if (elements == null) {
            return false;
        }
        List<String> haystack = words(text);
        for (Object element : (List<?>) elements) {
            List<String> needle = words((String) element);
            if (!needle.isEmpty() && Collections.indexOfSubList(haystack, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list value holds {@code value}. */
    public static boolean contains(Object list, Object value) {
        return list != null && ((List<?>) list).stream().anyMatch(e -> same(e, value));
    }

    /** Higher-is-closer similarity: cosine (0 for a zero norm), dot, or 1/(1+euclidean distance). */
    public static double score(Metric metric, float[] stored, float[] query) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        double squared = 0;
        for (int i = 0; i < stored.length; i++) {
            double a = stored[i];
            double b = query[i];
            dot += a * b;
            normA += a * a;
            normB += b * b;
            squared += (a - b) * (a - b);
        }
        switch (metric) {
            case DOT:
                return dot;
            case L2:
                return 1.0 / (1.0 + Math.sqrt(squared));
            default:
                return normA == 0 || normB == 0 ? 0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
        }
    }

    /** The {@code k} eligible rows with a vector closest to {@code query}, best first, ties by object_id. */
    public static List<String> nearest(List<Map<String, Object>> rows, String field, float[] query, int k,
            Metric metric, Predicate<Map<String, Object>> eligible) {
        Comparator<Map<String, Object>> closestFirst = Comparator
                .<Map<String, Object>>comparingDouble(r -> -score(metric, (float[]) r.get(field), query))
                .thenComparing(byId());
        return rows.stream().filter(r -> r.get(field) != null).filter(eligible).sorted(closestFirst).limit(k)
                .map(r -> (String) r.get(OBJECT_ID)).toList();
    }
}
