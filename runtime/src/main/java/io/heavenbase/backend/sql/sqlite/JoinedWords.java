package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.query.TextMatch;
import java.util.List;

/**
 * The words of a text as {@link TextMatch#words} splits and folds them, joined by single spaces:
 * the form an index stores when its own tokenizer splits only at ASCII non-alphanumerics. Pure
 * ASCII text (the common case) is folded in one pass without the word list; there a letter or
 * digit is exactly {@code [A-Za-z0-9]} and lower-casing is ASCII lower-casing, so the result is
 * the same as joining {@link TextMatch#words}.
 */
final class JoinedWords {

    private JoinedWords() {
    }

    /** The words joined by single spaces, or null when the text has no word (or is null). */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return slowPath(text);
            }
            if (isAsciiAlphanumeric(c)) {
                if (!inWord && out.length() > 0) {
                    out.append(' ');
                }
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String slowPath(String text) {
        List<String> words = TextMatch.words(text);
        return words.isEmpty() ? null : String.join(" ", words);
    }
}
