package io.heavenbase.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic id of a row that has a {@code name} but no {@code object_id}.
 *
 * <p>Formula (stable across releases and JVMs): {@code lowercase hex of the first 16 bytes of
 * SHA-256(UTF-8(entityId + "\u001f" + name))}, i.e. 32 hex characters. The unit separator keeps
 * {@code ("a-b", "c")} and {@code ("a", "b-c")} apart. Upserting twice with the same name
 * therefore updates one row.
 */
public final class ObjectIds {

    private ObjectIds() {
    }

    public static String fromName(String entityId, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((entityId + "\u001f" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
