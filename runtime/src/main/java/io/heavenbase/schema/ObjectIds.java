package io.heavenbase.schema;

import io.heavenbase.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic id of a row that has a {@code name} but no {@code object_id}.
 *
 * <p>Formula (stable across releases and JVMs): {@code lowercase hex of the first 16 bytes of
 * SHA-256(UTF-8(entityId + "\u001f" + name))}, i.e. 32 hex characters. The unit separator keeps
 * {@code ("a-b", "c")} and {@code ("a", "b-c")} apart. Upserting twice with the same name
 * therefore updates one row.
 */
public final class ObjectIds {

    private static final byte UNIT_SEPARATOR = 0x1f;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Bulk writes derive an id per row (catalog ids too): reuse one digest per thread instead of a provider lookup each. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ObjectIds::newDigest);

    private ObjectIds() {
    }

    /**
     * Checks an object id given to {@code get}, {@code set} or {@code delete} by the same rule as a
     * stored Identifier: 1 to {@link InputLimits#MAX_ID_CODE_POINTS} code points, no NUL, no unpaired
     * surrogate. So every id {@code upsert} accepts can be read and deleted again.
     */
    public static String require(String entityId, String objectId) {
        int codePoints = objectId == null ? 0 : objectId.codePointCount(0, objectId.length());
        if (codePoints < 1 || codePoints > InputLimits.MAX_ID_CODE_POINTS) {
            throw new ValidationException(entityId, Names.OBJECT_ID, "identifier", "entity '" + entityId
                    + "': object_id must be 1 to " + InputLimits.MAX_ID_CODE_POINTS + " characters (code points), got "
                    + (objectId == null ? "null" : codePoints + ": '" + Names.shorten(objectId) + "'"));
        }
        StorableText.Problem problem = StorableText.problem(objectId);
        if (problem != null) {
            throw new ValidationException(entityId, Names.OBJECT_ID, problem.rule(),
                    "entity '" + entityId + "': object_id: " + problem.reason());
        }
        return objectId;
    }

    public static String fromName(String entityId, String name) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        sha.update(entityId.getBytes(StandardCharsets.UTF_8));
        sha.update(UNIT_SEPARATOR);
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha.digest();
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
