package io.heavenbase.backend.lance;

import io.heavenbase.schema.DType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Canonical values as literals of Lance's filter language (DataFusion SQL). Nothing a user wrote
 * reaches a filter unescaped:
 * <ul>
 * <li>Text is a single-quoted literal with quotes doubled (backslashes are not escapes there).
 * Characters outside the Basic Multilingual Plane become {@code chr(code point)} concatenated to
 * the rest, because lance-core hands filters to Rust in the JVM's modified UTF-8, which Rust
 * rejects for them.</li>
 * <li>Integers in decimal, {@code Long.MIN_VALUE} as an expression (its absolute value is not an
 * Int64 literal); floats in Java's round-trip notation.</li>
 * <li>Timestamps and dates through {@code arrow_cast} of their epoch millisecond or day count, so
 * no calendar parsing is involved.</li>
 * </ul>
 */
final class LanceLiterals {

    private static final int MIN_SUPPLEMENTARY = 0x10000;

    private LanceLiterals() {
    }

    /** The literal of a scalar canonical value of {@code dtype} (a scalar kind). */
    static String of(DType dtype, Object value) {
        switch (dtype.kind()) {
            case INTEGER:
                return integer(((Number) value).longValue());
            case FLOAT:
                return floating(((Number) value).doubleValue());
            case BOOLEAN:
                return (Boolean) value ? "true" : "false";
            case TIMESTAMP:
                return "arrow_cast(" + integer(((Instant) value).toEpochMilli())
                        + ", 'Timestamp(Millisecond, Some(\"UTC\"))')";
            case DATE:
                return "arrow_cast(" + Math.toIntExact(((LocalDate) value).toEpochDay()) + ", 'Date32')";
            default:
                return text((String) value);
        }
    }

    /** A text literal; see the class comment. */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint < MIN_SUPPLEMENTARY) {
                run.append((char) codePoint);
                if (codePoint == '\'') {
                    run.append('\'');
                }
                continue;
            }
            if (run.length() > 0) {
                parts = append(out, "'" + run + "'", parts);
                run.setLength(0);
            }
            parts = append(out, "chr(" + codePoint + ")", parts);
        }
        if (run.length() > 0 || parts == 0) {
            parts = append(out, "'" + run + "'", parts);
        }
        return parts == 1 ? out.toString() : "(" + out + ")";
    }

    private static int append(StringBuilder out, String part, int parts) {
        if (parts > 0) {
            out.append(" || ");
        }
        out.append(part);
        return parts + 1;
    }

    private static String integer(long value) {
        return value == Long.MIN_VALUE ? "(-9223372036854775807 - 1)" : Long.toString(value);
    }

    private static String floating(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return Double.toString(value);
    }

    /** Whether a Float value is zero of either sign (Lance orders -0.0 before 0.0; HeavenBase does not). */
    static boolean isZero(DType dtype, Object value) {
        return dtype.kind() == DType.Kind.FLOAT && ((Number) value).doubleValue() == 0.0;
    }
}
