package io.heavenbase.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The {@code english} analyzer: Lucene's {@link EnglishAnalyzer} chain without stem exclusions. The tokenizer is
 * Lucene's {@link StandardTokenizer} (UAX #29 word boundaries), not the {@code standard} word rule: the possessive
 * filter needs {@code John's} as one token (the word rule would split off an {@code s}), and with the same chain a
 * search engine's built-in {@code english} analyzer produces exactly these terms, so backends can run it natively.
 */
final class EnglishAnalyzerChain extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(words);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(words, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
