package io.heavenbase.bench.data;

import java.util.SplittableRandom;

/** A fixed pseudo-random cycle of existing item ids, so both sides read the same keys in the same order. */
public final class IdSequence {

    private static final int LENGTH = 4096;

    private final String[] ids = new String[LENGTH];
    private int next;

    public IdSequence(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < LENGTH; i++) {
            ids[i] = Items.id(random.nextInt(size));
        }
    }

    /** The next id of the cycle (not thread-safe: one sequence per thread). */
    public String next() {
        String id = ids[next];
        next = (next + 1) % LENGTH;
        return id;
    }
}
