package io.heavenbase.backend.elasticsearch;

import static io.heavenbase.backend.elasticsearch.ElasticsearchFilterTest.ids;
import static io.heavenbase.backend.elasticsearch.ElasticsearchFilterTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code match} on a real server agrees with {@link io.heavenbase.query.TextMatch} on strings where
 * a server-side analyzer would not: Greek final sigma, dotted capital I, apostrophes, underscores,
 * superscript digits, non-Latin digits, titlecase letters, supplementary letters, emoji and words
 * too long for an index term.
 */
class ElasticsearchMatchTest {

    private static final String LONG_WORD = "w".repeat(300);
    private static final String HUGE_WORD = "h".repeat(40_000);
    private static final List<String> TEXTS = List.of(
            "ΟΔΟΣ προς την πόλη",
            "İstanbul and IZMIR",
            "don't stop",
            "snake_case name",
            "x²y and H2O",
            "١٢٣ arabic digits",
            "ǅungla title",
            "Straße STRASSE",
            "𝒜lpha script",
            "😀smile😀",
            "日本語テキスト と かな",
            "café cafe CAFÉ",
            LONG_WORD + " tail",
            HUGE_WORD,
            "",
            "!!! ???");
    private static final EntityLayout LAYOUT = new EntityLayout("match-rows", List.of(
            new StoredField("short_text", DType.SHORT_TEXT, Strategy.INLINE_COLUMN),
            new StoredField("long_text", DType.LONG_TEXT, Strategy.INLINE_COLUMN)));
    private static final List<Map<String, Object>> ROWS = rows();
    private static ElasticsearchBackend backend;

    @BeforeAll
    static void load() {
        backend = TestBackends.open();
        backend.ensure(LAYOUT);
        backend.upsert(LAYOUT, ROWS);
    }

    @AfterAll
    static void dropAndClose() {
        if (backend != null) {
            try {
                backend.drop(LAYOUT);
            } finally {
                backend.close();
            }
        }
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            String id = String.format("m%02d", i);
            rows.add(text.length() <= DType.SHORT_TEXT_MAX_CHARS ? row(id, "short_text", text, "long_text", text)
                    : row(id, "long_text", text));
        }
        return rows;
    }

    @ParameterizedTest(name = "match \"{0}\"")
    @ValueSource(strings = {"οδος", "ΟΔΟΣ", "οδοσ", "istanbul", "i̇stanbul", "İSTANBUL", "izmir", "don", "t",
            "don't", "dont", "snake", "snake_case", "case name", "x", "y", "x²y", "h2o", "١٢٣", "123", "ǆungla",
            "ǅUNGLA", "straße", "STRASSE", "strasse", "𝒜lpha", "smile", "😀", "日本語テキスト", "かな", "café", "CAFE",
            "cafe café", "tail", "", "!!!", "x y z missing"})
    void givenTrickyTexts_whenMatched_thenTheRowsTextMatchSelects(String query) {
        for (String field : List.of("short_text", "long_text")) {
            Fragment fragment = Fragment.filter(new Expr.Leaf(field, Op.MATCH, query), null);

            assertThat(ids(backend.execute(LAYOUT, fragment))).as("%s match '%s'", field, query)
                    .containsExactlyElementsOf(ids(RowScan.execute(ROWS, fragment)));
        }
    }

    @Test
    void givenGreekCapitalsWithFinalSigma_whenMatchedInLowerCase_thenFound() {
        assertThat(ids(backend.execute(LAYOUT, Fragment.filter(new Expr.Leaf("short_text", Op.MATCH, "οδος"), null))))
                .containsExactly("m00");
    }

    @Test
    void givenAWordLongerThanAnIndexTerm_whenMatched_thenFound() {
        assertThat(ids(backend.execute(LAYOUT, Fragment.filter(new Expr.Leaf("long_text", Op.MATCH, HUGE_WORD), null))))
                .containsExactly("m13");
        assertThat(ids(backend.execute(LAYOUT, Fragment.filter(new Expr.Leaf("long_text", Op.MATCH, LONG_WORD), null))))
                .containsExactly("m12");
    }

    @Test
    void givenAQueryWithoutWords_whenMatched_thenNothing() {
        assertThat(backend.execute(LAYOUT, Fragment.filter(new Expr.Leaf("long_text", Op.MATCH, "?!"), null))).isEmpty();
    }
}
