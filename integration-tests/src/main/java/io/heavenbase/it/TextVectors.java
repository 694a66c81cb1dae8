package io.heavenbase.it;

import java.util.Locale;

/**
 * A deterministic stand-in for an embedding model: every word is hashed into one of {@value #DIMENSIONS}
 * buckets, and the bucket counts are scaled to unit length. Texts sharing words get close vectors; the same
 * text always gets the same vector, on every JVM.
 */
public final class TextVectors {

    /** Length of the vectors, as in {@code Vector[8]} of {@link Note#embedding}. */
    public static final int DIMENSIONS = 8;

    private TextVectors() {
    }

    public static float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        double length = 0;
        for (float value : vector) {
            length += value * value;
        }
        if (length == 0) {
            vector[0] = 1;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(length));
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
