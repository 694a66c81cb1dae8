package io.heavenbase.backend.file;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random revision ids (128 bits, hex): unique per write, so equal ids mean the same version. */
final class RandomRevision {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomRevision() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
