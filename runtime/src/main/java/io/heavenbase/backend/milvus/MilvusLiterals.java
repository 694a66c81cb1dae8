package io.heavenbase.backend.milvus;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Literals of Milvus boolean expressions. Milvus expressions have no bind parameters that every
 * call accepts, so values are written as literals; this class is the only place that does it.
 *
 * <p>A string becomes a double-quoted literal made of printable ASCII only: {@code "} and
 * {@code \} are backslash-escaped and every other character outside U+0020..U+007E is written as
 * {@code \}{@code uXXXX} (or {@code \}{@code UXXXXXXXX} above the BMP), which Milvus decodes like
 * a Go string literal. Quotes, backslashes, newlines or control characters in a value therefore can
 * never end the literal. A string with an unpaired surrogate has no Unicode value and is refused.
 */
final class MilvusLiterals {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MilvusLiterals() {
    }

    /** The quoted literal of {@code value}, or empty when it holds an unpaired surrogate. */
    static Optional<String> string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.empty();
                }
                appendEscape(out, 'U', value.codePointAt(i), 8);
                i += 2;
                continue;
            }
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c <= 0x7E) {
                out.append(c);
            } else {
                appendEscape(out, 'u', c, 4);
            }
            i++;
        }
        return Optional.of(out.append('"').toString());
    }

    /**
     * A 64-bit integer literal, or empty for {@link Long#MIN_VALUE}: Milvus reads {@code -N} as the
     * negation of {@code N}, and 9223372036854775808 does not fit in 64 bits.
     */
    static Optional<String> integer(long value) {
        return value == Long.MIN_VALUE ? Optional.empty() : Optional.of(Long.toString(value));
    }

    /** A floating-point literal in plain decimal notation that parses back to exactly {@code value}. */
    static String decimal(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    private static void appendEscape(StringBuilder out, char kind, int codePoint, int digits) {
        out.append('\\').append(kind);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(codePoint >> shift) & 0xF]);
        }
    }
}
