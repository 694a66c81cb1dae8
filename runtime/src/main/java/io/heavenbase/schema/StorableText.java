package io.heavenbase.schema;

/**
 * The one rule for text HeavenBase accepts anywhere (stored values, filter bounds and operands,
 * object ids): no NUL character U+0000 (PostgreSQL cannot hold it) and no unpaired surrogate
 * (not encodable in UTF-8, so SQL drivers would turn it into {@code ?}). Checking it at the entry
 * points makes every backend reject the same input the same way instead of answering differently.
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with a text: the validation rule broken ({@code nul_char} or {@code unicode}) and why. */
    public record Problem(String rule, String reason) {
    }

    /** Why {@code text} cannot be stored or compared, or {@code null} when it can. */
    public static Problem problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return new Problem("nul_char", "text must not contain the NUL character U+0000 (at index " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Problem("unicode", "text contains an unpaired surrogate at index " + i);
            }
        }
        return null;
    }
}
