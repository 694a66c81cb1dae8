package io.heavenbase.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Full-text semantics shared by all backends: text is split into words at every code point that is
 * not a Unicode letter or digit ({@link Character#isLetterOrDigit(int)}), words are lower-cased
 * (Locale.ROOT) and not stemmed or folded (so {@code café} and {@code cafe} differ).
 * {@code match(field, q)} holds when every word of q occurs among the field's words (q with no
 * words matches nothing; a null field matches nothing). That is the {@code standard} analyzer; a field with
 * another analyzer matches on that analyzer's terms instead ({@link #matches(String, String, Analyzer)}).
 */
public final class TextMatch {

    private TextMatch() {
    }

    /** The words of {@code text} in order, duplicates kept; empty for null. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                current.appendCodePoint(codePoint);
            } else if (current.length() > 0) {
                words.add(current.toString().toLowerCase(Locale.ROOT));
                current.setLength(0);
            }
            i += Character.charCount(codePoint);
        }
        if (current.length() > 0) {
            words.add(current.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Whether every word of {@code query} is a word of {@code fieldText}; false when query has no words. */
    public static boolean matches(String fieldText, String query) {
        List<String> wanted = words(query);
        if (wanted.isEmpty() || fieldText == null) {
            return false;
        }
        Set<String> present = new HashSet<>(words(fieldText));
        return present.containsAll(wanted);
    }

    /**
     * Whether every term {@code analyzer} makes of {@code query} is a term of {@code fieldText} under the same
     * analyzer; false when the query has no terms. With the {@code standard} analyzer this is
     * {@link #matches(String, String)} (words of any length).
     */
    public static boolean matches(String fieldText, String query, Analyzer analyzer) {
        if (TextAnalyzers.isStandard(analyzer)) {
            return matches(fieldText, query);
        }
        List<String> wanted = TextAnalyzers.terms(analyzer, query);
        if (wanted.isEmpty() || fieldText == null) {
            return false;
        }
        return new HashSet<>(TextAnalyzers.terms(analyzer, fieldText)).containsAll(wanted);
    }

    /**
     * Reverse containment: whether {@code element}'s words occur as a contiguous word sequence in
     * {@code text} (both tokenised as above). An element with no words never matches.
     */
    public static boolean containedIn(String element, String text) {
        List<String> needle = words(element);
        if (needle.isEmpty() || text == null) {
            return false;
        }
        return Collections.indexOfSubList(words(text), needle) >= 0;
    }
}
