package io.heavenbase.query;

import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.util.AttributeFactory;

/**
 * The {@code standard} analyzer as Lucene sees it: the word rule of {@link TextMatch} (runs of Unicode letters and
 * digits, lower-cased with {@link Locale#ROOT}), so that search ranks exactly the words match finds. Words longer
 * than {@link #MAX_WORD_CHARS} are left out: Lucene (and so every search engine built on it) cannot index a term
 * of more than 32,766 UTF-8 bytes.
 */
public final class WordAnalyzer extends Analyzer {

    /** The longest word that is searchable: 4 UTF-8 bytes per character at most stays under Lucene's limit. */
    public static final int MAX_WORD_CHARS = 8_191;

    private static final int MAX_TOKENIZER_CHARS = 1024 * 1024;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new CharTokenizer(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, MAX_TOKENIZER_CHARS) {
            @Override
            protected boolean isTokenChar(int codePoint) {
                return Character.isLetterOrDigit(codePoint);
            }
        };
        TokenStream lowered = new RootLowerCase(words);
        return new TokenStreamComponents(words, new LengthFilter(lowered, 1, MAX_WORD_CHARS));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new RootLowerCase(in);
    }

    /** Lower-cases a whole term as {@link String#toLowerCase(Locale)} with {@link Locale#ROOT} does. */
    private static final class RootLowerCase extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        RootLowerCase(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String lower = term.toString().toLowerCase(Locale.ROOT);
            term.setEmpty().append(lower);
            return true;
        }
    }
}
