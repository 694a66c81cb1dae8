package io.heavenbase.spi.support;

import io.heavenbase.schema.DType.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The numbers a store without date types keeps for the two temporal kinds: a Timestamp ({@link Instant}) as
 * milliseconds since the Unix epoch, a Date ({@link LocalDate}) as days since it.
 */
public final class EpochNumbers {

    private EpochNumbers() {
    }

    /** Whether {@code kind} is Timestamp or Date, the kinds this class counts. */
    public static boolean counts(Kind kind) {
        return kind == Kind.TIMESTAMP || kind == Kind.DATE;
    }

    /** Whether {@code value} is of the Java class a Timestamp ({@link Instant}) or Date ({@link LocalDate}) holds. */
    public static boolean accepts(Kind kind, Object value) {
        return kind == Kind.TIMESTAMP ? value instanceof Instant : kind == Kind.DATE && value instanceof LocalDate;
    }

    /**
     * Epoch milliseconds of a Timestamp, epoch days of a Date.
     *
     * @throws ArithmeticException when an instant lies beyond the milliseconds a long counts
     * @throws ClassCastException when {@code value} is not of the kind's class
     * @throws IllegalArgumentException when {@code kind} is neither Timestamp nor Date
     */
    public static long toNumber(Kind kind, Object value) {
        return switch (kind) {
            case TIMESTAMP -> ((Instant) value).toEpochMilli();
            case DATE -> ((LocalDate) value).toEpochDay();
            default -> throw new IllegalArgumentException("not an epoch-counted kind: " + kind);
        };
    }

    /**
     * {@link #toNumber}, or empty when {@code value} is not of the kind's class or an instant lies beyond the
     * milliseconds a long counts: what a filter translator cannot send to its store.
     */
    public static OptionalLong exactNumber(Kind kind, Object value) {
        if (!accepts(kind, value)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(toNumber(kind, value));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The Timestamp ({@link Instant}) or Date ({@link LocalDate}) a stored number stands for.
     *
     * @throws java.time.DateTimeException when the number lies beyond what the Java type holds
     * @throws IllegalArgumentException when {@code kind} is neither Timestamp nor Date
     */
    public static Object fromNumber(Kind kind, long number) {
        return switch (kind) {
            case TIMESTAMP -> Instant.ofEpochMilli(number);
            case DATE -> LocalDate.ofEpochDay(number);
            default -> throw new IllegalArgumentException("not an epoch-counted kind: " + kind);
        };
    }
}
