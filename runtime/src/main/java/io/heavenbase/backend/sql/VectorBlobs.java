package io.heavenbase.backend.sql;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The on-disk form of a Vector: its components as little-endian IEEE-754 float32, 4 bytes each. */
public final class VectorBlobs {

    private VectorBlobs() {
    }

    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] decode(byte[] blob) {
        float[] vector = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
