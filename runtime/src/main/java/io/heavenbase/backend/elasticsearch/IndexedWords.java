package io.heavenbase.backend.elasticsearch;

import io.heavenbase.query.TextMatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The terms {@code match} runs on: the words of {@link TextMatch} computed here, in Java, and
 * indexed as keywords, so the server's analysis (Unicode version, lower-casing rules, token limits)
 * never changes what matches. A word longer than {@link #MAX_WORD_BYTES} UTF-8 bytes is indexed as
 * {@code #} plus its SHA-256, which no real word can equal ('#' is not a letter or digit).
 */
final class IndexedWords {

    /** Longest word kept verbatim; keyword terms must stay far below Lucene's 32766-byte limit. */
    static final int MAX_WORD_BYTES = 256;

    private IndexedWords() {
    }

    /** The distinct terms of {@code text}, in first-occurrence order. */
    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : TextMatch.words(text)) {
            terms.add(term(word));
        }
        return terms;
    }

    private static String term(String word) {
        byte[] utf8 = word.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_WORD_BYTES) {
            return word;
        }
        try {
            return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
