package io.heavenbase.query;

import io.heavenbase.schema.Names;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one total order of canonical values used everywhere a backend cannot be trusted: text by
 * Unicode code point (not UTF-16 units, not a collation), numbers numerically whatever their Java
 * type (Long vs Double, compared exactly, {@code -0.0} equal to {@code 0.0}), booleans false before
 * true, Instants and LocalDates chronologically. {@code null} is handled by callers (nulls last
 * ascending, first descending).
 *
 * <p>Values of different families (say a String and a Long) never come from validated queries; they
 * are still ordered deterministically by family (boolean, number, text, date, instant, other) and
 * are never {@link #same}.
 */
public final class ValueOrder {

    private static final int BOOLEAN = 0;
    private static final int NUMBER = 1;
    private static final int TEXT = 2;
    private static final int DATE = 3;
    private static final int INSTANT = 4;
    private static final int OTHER = 5;

    private ValueOrder() {
    }

    /** Compares two non-null canonical values of the same dtype. */
    public static int compare(Object a, Object b) {
        int familyA = family(a);
        int familyB = family(b);
        if (familyA != familyB) {
            return Integer.compare(familyA, familyB);
        }
        if (a instanceof Number) {
            return compareNumbers((Number) a, (Number) b);
        }
        if (a instanceof String) {
            return compareText((String) a, (String) b);
        }
        if (a instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        if (a instanceof LocalDate) {
            return ((LocalDate) a).compareTo((LocalDate) b);
        }
        if (a instanceof Instant) {
            return ((Instant) a).compareTo((Instant) b);
        }
        return compareText(String.valueOf(a), String.valueOf(b));
    }

    /** Code-point comparison of two strings (a supplementary character sorts after U+FFFF). */
    public static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Equality consistent with {@link #compare} (so 2L equals 2.0): true when both are null, or both
     * are values of the same family that compare equal. Other values (lists, maps, arrays) are
     * equal by content.
     */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        int family = family(a);
        if (family != family(b)) {
            return false;
        }
        if (family == OTHER) {
            return Objects.deepEquals(a, b);
        }
        return compare(a, b) == 0;
    }

    /**
     * Row order for {@code keys} then object_id ascending, with nulls last ascending and first
     * descending; rows are maps holding the key fields and {@code object_id} (and {@code score}).
     */
    public static Comparator<Map<String, Object>> rows(List<SortKey> keys) {
        List<SortKey> copy = List.copyOf(keys);
        return (left, right) -> {
            for (SortKey key : copy) {
                int result = compareNullsLast(left.get(key.field()), right.get(key.field()));
                if (result != 0) {
                    return key.descending() ? -result : result;
                }
            }
            return compareNullsLast(left.get(Names.OBJECT_ID), right.get(Names.OBJECT_ID));
        };
    }

    private static int compareNullsLast(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return compare(a, b);
    }

    private static int family(Object value) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof String) {
            return TEXT;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value instanceof Instant) {
            return INSTANT;
        }
        return OTHER;
    }

    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return toBigInteger(a).compareTo(toBigInteger(b));
            }
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return compareExact(a, b);
        }
        if (!isIntegral(a) && !isIntegral(b)) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            // == first so that -0.0 and 0.0 are equal numerically; Double.compare orders NaN last.
            return x == y ? 0 : Double.compare(x, y);
        }
        return compareExact(a, b);
    }

    /**
     * Exact comparison when an integral value or a BigDecimal is involved: finite values compare as
     * BigDecimal; -infinity sorts below every finite value, +infinity above, NaN above everything.
     */
    private static int compareExact(Number a, Number b) {
        int rankA = rankOfSpecial(a);
        int rankB = rankOfSpecial(b);
        if (rankA != 0 || rankB != 0) {
            return Integer.compare(rankA, rankB);
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static int rankOfSpecial(Number n) {
        if (isIntegral(n) || n instanceof BigDecimal) {
            return 0;
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return 2;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 1 : -1;
        }
        return 0;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static BigInteger toBigInteger(Number n) {
        return n instanceof BigInteger ? (BigInteger) n : BigInteger.valueOf(n.longValue());
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.doubleValue());
    }
}
