package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.TextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analyzers' terms: english is Lucene's EnglishAnalyzer term for term; standard is match's word rule. */
class TextAnalyzersTest {

    private static final List<String> TEXTS = List.of(
            "The agent's reports were running late; agents RUN, ran and runs.",
            "John’s car isn't theirs: it's the Smiths' (see e-mail info@example.com, v3.14, 2026-12-06)",
            "ΟΔΟΣ Straße Ünïcode café naïve İstanbul 東京タワー 😀 emoji",
            "to be or not to be, that is the question",
            "connected connecting connections connection generalizations oscillators",
            "",
            "   ...   ");

    private static List<String> lucene(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Test
    void givenTexts_whenAnalyzedAsEnglish_thenTheTermsAreLucenesEnglishAnalyzers() {
        try (Analyzer reference = new EnglishAnalyzer()) {
            for (String text : TEXTS) {
                assertThat(TextAnalyzers.terms(TextAnalyzers.named(TextAnalyzer.ENGLISH), text)).as(text)
                        .containsExactlyElementsOf(lucene(reference, text));
            }
        }
    }

    @Test
    void givenEnglish_whenAnalyzed_thenPossessivesStopWordsAndStemsAreAsPorterMakesThem() {
        Analyzer english = TextAnalyzers.named(TextAnalyzer.ENGLISH);

        assertThat(TextAnalyzers.terms(english, "The agent's Agents were running"))
                .containsExactly("agent", "agent", "were", "run");
        assertThat(TextAnalyzers.terms(english, "to be or not to be")).isEmpty();
        assertThat(TextAnalyzers.terms(english, "agency agencies")).containsExactly("agenc", "agenc");
    }

    @Test
    void givenTexts_whenAnalyzedAsStandard_thenTheTermsAreMatchsWords() {
        for (String text : TEXTS) {
            assertThat(TextAnalyzers.terms(TextAnalyzers.named(TextAnalyzer.STANDARD), text)).as(text)
                    .containsExactlyElementsOf(TextMatch.words(text));
        }
        assertThat(TextAnalyzers.terms(TextAnalyzers.named(TextAnalyzer.STANDARD), null)).isEmpty();
    }

    @Test
    void givenAnEnglishAnalyzer_whenMatching_thenTermsNotWordsDecide() {
        Analyzer english = TextAnalyzers.named(TextAnalyzer.ENGLISH);

        assertThat(TextMatch.matches("The agents' reports", "agent report", english)).isTrue();
        assertThat(TextMatch.matches("The agents' reports", "the", english)).as("no terms: nothing").isFalse();
        assertThat(TextMatch.matches(null, "agent", english)).isFalse();
        assertThat(TextMatch.matches("The agents' reports", "agent report",
                TextAnalyzers.named(TextAnalyzer.STANDARD))).as("standard: agents is not agent").isFalse();
    }
}
