package io.heavenbase.backend.sql.duckdb;

import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.indexed;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.inline;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.layout;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.TextMatch;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code match} on duckdb answers exactly like {@link TextMatch}: no minimum word length, no
 * stopwords, no stemming, case folded, every query word required, long words included.
 */
class DuckdbMatchTest {

    private static final String LONG_WORD = "w".repeat(300);

    private final SqlBackend backend = DuckdbFixtures.memoryBackend();
    private final EntityLayout doc = layout("doc", inline("body", "LongText"), indexed("title", "ShortText"));
    private final List<Map<String, Object>> docs = List.of(
            row(doc, "d1", "body", "The quick brown fox is a fox"),
            row(doc, "d2", "body", "A B C x² and I/O, e-mail"),
            row(doc, "d3", "body", "Café CAFÉ cafe 😀smile " + LONG_WORD),
            row(doc, "d4", "body", "running runs ran; don't"),
            row(doc, "d5", "body", "!!! ???"),
            row(doc, "d6"));

    @AfterEach
    void close() {
        backend.close();
    }

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
    void givenTextStoredBeforeTheFieldWasSearchable_whenEnsuredAsText_thenTheStoredRowsAreIndexed() {
        EntityLayout asIdentifier = layout("doc", inline("title", "Identifier"));
        backend.ensure(asIdentifier);
        backend.upsert(asIdentifier, new ArrayList<>(List.of(row(asIdentifier, "early", "title", "hello-world"))));

        backend.ensure(doc);

        assertThat(ids(doc, Fragment.filter(new Expr.Leaf("title", Op.MATCH, "world"), null))).containsExactly("early");
    }

    private List<String> ids(EntityLayout layout, Fragment fragment) {
        return backend.execute(layout, fragment).stream().map(Hit::objectId).toList();
    }
}
