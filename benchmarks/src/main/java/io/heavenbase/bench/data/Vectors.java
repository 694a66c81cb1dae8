package io.heavenbase.bench.data;

import java.util.SplittableRandom;

/** Deterministic pseudo-random vectors, the same in every run and on every side of a benchmark. */
public final class Vectors {

    private Vectors() {
    }

    /** {@code count} vectors of {@code dimensions} components in [-1, 1), from {@code seed}. */
    public static float[][] random(int count, int dimensions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][dimensions];
        for (float[] vector : vectors) {
            for (int d = 0; d < dimensions; d++) {
                vector[d] = (float) (random.nextDouble() * 2.0 - 1.0);
            }
        }
        return vectors;
    }
}
