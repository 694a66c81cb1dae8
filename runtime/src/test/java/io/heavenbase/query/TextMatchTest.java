package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchTest {

    @Test
    void wordsSplitAtEveryNonLetterOrDigitAndLowerCase() {
        assertThat(TextMatch.words("Hello, World! x-42_y")).containsExactly("hello", "world", "x", "42", "y");
    }

    @Test
    void wordsKeepAccentsAndNonLatinLetters() {
        assertThat(TextMatch.words("Caf\u00e9 \u041c\u0438\u0440")).containsExactly("caf\u00e9", "\u043c\u0438\u0440");
    }

    @Test
    void wordsKeepSupplementaryLetters() {
        String deseret = "\uD801\uDC00"; // U+10400, an upper-case letter outside the BMP
        assertThat(TextMatch.words("a " + deseret + " b")).containsExactly("a", "\uD801\uDC28", "b");
    }

    @Test
    void emojiIsASeparator() {
        assertThat(TextMatch.words("rock\uD83D\uDE00roll")).containsExactly("rock", "roll");
    }

    @Test
    void wordsOfNullOrPunctuationAreEmpty() {
        assertThat(TextMatch.words(null)).isEmpty();
        assertThat(TextMatch.words(" ,.;")).isEmpty();
    }

    @Test
    void matchNeedsEveryQueryWordInAnyOrderCaseInsensitively() {
        assertThat(TextMatch.matches("The quick brown fox", "FOX quick")).isTrue();
        assertThat(TextMatch.matches("The quick brown fox", "quick cat")).isFalse();
    }

    @Test
    void matchIsWholeWordNotSubstring() {
        assertThat(TextMatch.matches("agents everywhere", "agent")).isFalse();
    }

    @Test
    void matchDoesNotFoldAccents() {
        assertThat(TextMatch.matches("caf\u00e9 noir", "cafe")).isFalse();
    }

    @Test
    void queryWithoutWordsMatchesNothing() {
        assertThat(TextMatch.matches("anything", "  !? ")).isFalse();
        assertThat(TextMatch.matches("anything", "")).isFalse();
    }

    @Test
    void nullFieldMatchesNothing() {
        assertThat(TextMatch.matches(null, "a")).isFalse();
    }

    @Test
    void containedInNeedsContiguousWordSequence() {
        assertThat(TextMatch.containedIn("New York", "I love new-york city")).isTrue();
        assertThat(TextMatch.containedIn("New York", "new jersey and york")).isFalse();
    }

    @Test
    void containedInIsWholeWords() {
        assertThat(TextMatch.containedIn("york", "yorkshire")).isFalse();
    }

    @Test
    void elementWithoutWordsIsNeverContained() {
        assertThat(TextMatch.containedIn(" - ", "a - b")).isFalse();
    }
}
