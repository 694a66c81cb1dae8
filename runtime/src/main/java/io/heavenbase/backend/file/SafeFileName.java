package io.heavenbase.backend.file;

import io.heavenbase.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Maps an identifier (object id, physical entity name, field name) to a file-name segment that is
 * safe on Linux, macOS and Windows and cannot step outside its directory.
 *
 * <p>Lower-case ASCII letters, digits, {@code _} and {@code -} are kept; every other UTF-8 byte,
 * including upper-case letters (case-insensitive file systems), {@code .}, {@code /}, {@code \}
 * and NUL, becomes {@code %XX} with upper-case hex. A result that is a Windows device name
 * ({@code con}, {@code nul}, {@code com1}...) gets its first letter escaped. A result longer than
 * {@value #MAX_LENGTH} chars is replaced by {@code =} and 40 hex chars of the identifier's SHA-256.
 * The mapping is injective, even when names are compared case-insensitively: escapes never
 * produce a literal letter, literal letters are lower-case, and {@code =} only starts hashed names.
 * The result never contains {@code .}, so callers can join segments with dots.
 */
final class SafeFileName {

    static final int MAX_LENGTH = 100;
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SafeFileName() {
    }

    /** The safe segment for {@code identifier}; rejects null and empty identifiers. */
    static String of(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new ValidationException(null, null, "file_name",
                    "an empty identifier cannot name a file of a file backend");
        }
        StringBuilder out = new StringBuilder(identifier.length() + 8);
        for (byte b : identifier.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
                out.append((char) c);
            } else {
                escape(out, c);
            }
        }
        if (WINDOWS_DEVICE.matcher(out).matches()) {
            StringBuilder escaped = new StringBuilder();
            escape(escaped, out.charAt(0));
            out.replace(0, 1, escaped.toString());
        }
        if (out.length() > MAX_LENGTH) {
            return "=" + sha256Hex(identifier.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
        }
        return out.toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static void escape(StringBuilder out, int c) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
}
