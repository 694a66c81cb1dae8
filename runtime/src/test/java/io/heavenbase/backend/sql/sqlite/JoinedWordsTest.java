package io.heavenbase.backend.sql.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.TextMatch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass ASCII folding must give exactly TextMatch's words, joined by single spaces. */
class JoinedWordsTest {

    private static String reference(String text) {
        List<String> words = TextMatch.words(text);
        return words.isEmpty() ? null : String.join(" ", words);
    }

    @Test
    void examples() {
        assertThat(JoinedWords.of("Item Number 42")).isEqualTo("item number 42");
        assertThat(JoinedWords.of("  Don't--stop_")).isEqualTo("don t stop");
        assertThat(JoinedWords.of(" - ")).isNull();
        assertThat(JoinedWords.of("")).isNull();
        assertThat(JoinedWords.of(null)).isNull();
        assertThat(JoinedWords.of("Caf\u00c9 AU lait")).isEqualTo("caf\u00e9 au lait");
        assertThat(JoinedWords.of("x\u00b2 STRASSE \u0130stanbul")).isEqualTo(reference("x\u00b2 STRASSE \u0130stanbul"));
    }

    @Test
    void equalsJoinedTextMatchWordsOnRandomText() {
        String alphabet = "aZ09 -_'\"\t\n.,;:!?@[]`{}~\u007f\u0000\u00e9\u00c9\u00b2\u0130\u00df\u212a\uD83D\uDE00";
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(alphabet.length());
                char c = alphabet.charAt(pick);
                text.append(c);
                if (Character.isHighSurrogate(c) && pick + 1 < alphabet.length()) {
                    text.append(alphabet.charAt(pick + 1));
                }
            }
            if (random.nextInt(4) == 0) {
                text.append((char) random.nextInt(128));
            }
            assertThat(JoinedWords.of(text.toString())).as("%s", text).isEqualTo(reference(text.toString()));
        }
    }
}
