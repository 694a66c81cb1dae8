package io.heavenbase.spi.support;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The "search, re-check, widen" loop of an approximate nearest-neighbour index that applies filters after its own
 * cut (or misses rows): ask for {@code first} nearest rows, re-check them exactly, and ask for {@value #FACTOR}
 * times as many while too few survive, as long as the request stays below {@code bound} (the rows there are). At
 * the bound the caller runs its exact path, which answers for every row.
 */
public final class NearWidening {

    /** How much each retry widens the request. */
    public static final int FACTOR = 4;

    private NearWidening() {
    }

    /** The first request for {@code topK} rows: {@value #FACTOR} times k, at least {@code floor}. */
    public static long firstRequest(int topK, long floor) {
        return Math.max((long) FACTOR * topK, floor);
    }

    /**
     * Runs {@code attempt} with request sizes {@code first}, {@code first * FACTOR}, … below {@code bound}, until
     * one answers; empty when none did (the caller's exact path then runs).
     *
     * @param attempt asks the index for that many rows and answers when enough survived the exact re-check
     */
    public static <T> Optional<T> widen(long first, long bound, LongFunction<Optional<T>> attempt) {
        for (long size = first; size < bound; size *= FACTOR) {
            Optional<T> answer = attempt.apply(size);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }
}
