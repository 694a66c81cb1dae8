package io.heavenbase.backend.sql.mysql;

import static io.heavenbase.backend.sql.mysql.MysqlFixtures.indexed;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.inline;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.layout;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.row;
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
 * {@code match} on mysql answers exactly like {@link TextMatch}: no minimum word length, no
 * stopwords, no stemming, case folded, every query word required, long words included.
 */
class MysqlMatchTest extends MysqlBackendTestBase {

    private static final String LONG_WORD = "w".repeat(300);

    private final EntityLayout doc = layout("doc", inline("body", "LongText"), indexed("title", "ShortText"));
    private final List<Map<String, Object>> docs = List.of(
            row(doc, "d1", "body", "The quick brown fox is a fox"),
            row(doc, "d2", "body", "A B C x² and I/O, e-mail"),
            row(doc, "d3", "body", "Café CAFÉ cafe 😀smile " + LONG_WORD),
            row(doc, "d4", "body", "running runs ran; don't"),
            row(doc, "d5", "body", "!!! ???"),
            row(doc, "d6"));

    static Stream<String> queries() {
        return Stream.of("fox", "FOX quick", "a", "the", "is", "b c", "i o", "x", "x²", "e mail", "café", "cafe",
                "smile", "😀", "run", "running", "don", "t", "don't", "fox cat", "!!!", "", LONG_WORD,
                LONG_WORD.toUpperCase(), "w");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void givenAQuery_whenMatched_thenTheRowsAreThoseTextMatchAccepts(String query) {
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(docs));

        List<String> expected = docs.stream()
                .filter(row -> TextMatch.matches((String) row.get("body"), query))
                .map(row -> (String) row.get("object_id")).toList();

        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("body", Op.MATCH, query), null))).as(query)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void givenOneAndTwoLetterWords_whenMatched_thenTheyAreFoundDespiteInnodbsMinimumTokenSize() {
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(docs));

        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("body", Op.MATCH, "a is"), null))).containsExactly("d1");
        assertThat(MysqlTestServer.scalar("SELECT @@innodb_ft_min_token_size")).isEqualTo("3");
    }

    @Test
    void givenARowRewrittenAndAnotherDeleted_whenMatched_thenOnlyCurrentTextIsFound() {
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(docs));

        backend.upsert(doc, new ArrayList<>(List.of(row(doc, "d1", "body", "slow green turtle"))));
        backend.delete(doc, List.of("d4"));

        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("body", Op.MATCH, "fox"), null))).isEmpty();
        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("body", Op.MATCH, "turtle"), null))).containsExactly("d1");
        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("body", Op.MATCH, "ran"), null))).isEmpty();
    }

    @Test
    void givenMatchUnderNot_whenPushedDown_thenRowsWithoutTextAreIncluded() {
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(docs));

        assertThat(ids(doc, Fragment.filter(new Expr.Not(new Expr.Leaf("body", Op.MATCH, "fox")), null)))
                .containsExactly("d2", "d3", "d4", "d5", "d6");
    }

    @Test
    void givenAWordTableLost_whenEnsuredAgain_thenItIsRebuiltFromTheStoredRows() {
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(docs));
        MysqlTestServer.execute("DROP TABLE `" + prefix + "doc__fts_body`");

        backend.ensure(doc);

        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("body", Op.MATCH, "fox"), null))).containsExactly("d1");
    }
}
