package io.heavenbase.spi.support;

import java.util.OptionalDouble;

/**
 * Integer and Float values for a store that keeps every number as a float64 (Chroma metadata, Pinecone metadata,
 * a Milvus double literal): which values it holds exactly, so a filter on them compares what the engine compares.
 */
public final class Float64 {

    /** 2^53: every long of at most this magnitude has an exact float64, and {@code 2^53 + 1} has none. */
    public static final long EXACT_LIMIT = 1L << 53;

    private Float64() {
    }

    /**
     * Whether {@code value} converts to a float64 and back unchanged (within +/-2^53; a store that keeps numbers
     * as float64 cannot hold a larger magnitude exactly, whatever its bits).
     *
     * @param value an Integer value, epoch millis or epoch days
     * @return whether the float64 form is exact
     */
    public static boolean holds(long value) {
        return value >= -EXACT_LIMIT && value <= EXACT_LIMIT;
    }

    /**
     * The exact float64 of a Float value or of a Float filter operand given as an integer: a Double or Float as it
     * is (NaN and infinities included), a Long or Integer when {@link #holds(long)}; empty otherwise.
     *
     * @param value the canonical value
     * @return its exact float64, or empty
     */
    public static OptionalDouble exact(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return OptionalDouble.of(((Number) value).doubleValue());
        }
        if ((value instanceof Long || value instanceof Integer) && holds(((Number) value).longValue())) {
            return OptionalDouble.of(((Number) value).longValue());
        }
        return OptionalDouble.empty();
    }
}
