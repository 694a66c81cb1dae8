package io.heavenbase.system;

import java.time.Clock;
import java.time.Instant;

/**
 * Sequence numbers for journalled writes: a hybrid logical clock. The next number is the largest of
 * the wall clock in microseconds since the epoch, one more than the last number this clock handed
 * out and one more than the highest number the caller has just read from the journal. So numbers
 * increase within an instance, and across instances sharing the journal a write always gets a
 * higher number than every entry it could see, even when the instances' clocks disagree. The
 * numbers stay below 2^53, so they survive JSON and doubles unchanged.
 */
public final class SequenceClock {

    private final Clock wallClock;
    private long last;

    public SequenceClock() {
        this(Clock.systemUTC());
    }

    /** A clock reading {@code wallClock}; tests pass a fixed or skewed one. */
    public SequenceClock(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** The next sequence number, above {@code seen} (the highest number read from the journal, or 0). */
    public synchronized long next(long seen) {
        long next = Math.max(wallMicros(), Math.max(last, seen) + 1);
        last = next;
        return next;
    }

    private long wallMicros() {
        Instant now = wallClock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
    }
}
