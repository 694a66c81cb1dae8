package io.heavenbase.backend.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.TextMatch;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code match} part of the dialect test suite: {@code match} pushed down answers exactly like
 * {@link TextMatch} (no minimum word length, no stopwords, no stemming, case folded, every query word required,
 * long words included), through rewrites and deletes, and under NOT.
 */
public abstract class DialectMatchContract extends DialectContract {

    private static final String LONG_WORD = "w".repeat(300);

    /** Entity {@code doc}: a LongText {@code body} and a full-text indexed ShortText {@code title}. */
    protected final EntityLayout doc = layout("doc", inline("body", "LongText"), indexed("title", "ShortText"));
    /** Texts that trip up native full-text engines, and a row without text. */
    protected final List<Map<String, Object>> docs = List.of(
            row(doc, "d1", "body", "The quick brown fox is a fox"),
            row(doc, "d2", "body", "A B C x² and I/O, e-mail"),
            row(doc, "d3", "body", "Café CAFÉ cafe 😀smile " + LONG_WORD),
            row(doc, "d4", "body", "running runs ran; don't"),
            row(doc, "d5", "body", "!!! ???"),
            row(doc, "d6"));

    protected static Stream<String> queries() {
        return Stream.of("fox", "FOX quick", "a", "the", "is", "b c", "i o", "x", "x²", "e mail", "café", "cafe",
                "smile", "😀", "run", "running", "don", "t", "don't", "fox cat", "!!!", "", LONG_WORD,
                LONG_WORD.toUpperCase(), "w");
    }

    /** Stores {@link #docs}. */
    protected void givenDocs() {
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(docs));
    }

    /** The ids whose {@code field} matches {@code query}, in result order. */
    protected List<String> matching(String field, String query) {
        return ids(doc, Fragment.filter(new Expr.Leaf(field, Op.MATCH, query), null));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void givenAQuery_whenMatched_thenTheRowsAreThoseTextMatchAccepts(String query) {
        givenDocs();

        List<String> expected = docs.stream()
                .filter(row -> TextMatch.matches((String) row.get("body"), query))
                .map(row -> (String) row.get("object_id")).toList();

        assertThat(matching("body", query)).as(query).containsExactlyElementsOf(expected);
    }

    @Test
    void givenARowRewrittenAndAnotherDeleted_whenMatched_thenOnlyCurrentTextIsFound() {
        givenDocs();

        backend.upsert(doc, new ArrayList<>(List.of(row(doc, "d1", "body", "slow green turtle"))));
        backend.delete(doc, List.of("d4"));

        assertThat(matching("body", "fox")).isEmpty();
        assertThat(matching("body", "turtle")).containsExactly("d1");
        assertThat(matching("body", "ran")).isEmpty();
    }

    @Test
    void givenMatchUnderNot_whenPushedDown_thenRowsWithoutTextAreIncluded() {
        givenDocs();

        assertThat(ids(doc, Fragment.filter(new Expr.Not(new Expr.Leaf("body", Op.MATCH, "fox")), null)))
                .containsExactly("d2", "d3", "d4", "d5", "d6");
    }
}
