package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.indexed;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.TextMatch;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Native {@code match} on FTS5 answers exactly like {@link TextMatch}, also on text that FTS5's own
 * {@code unicode61} tokenizer would split or fold differently.
 */
class SqliteFullTextTest {

    /** Apostrophes, hyphens, accents (composed and decomposed), digits, emoji, scripts and case traps. */
    private static final List<String> CORPUS = List.of(
            "Don't stop believin'", "l'homme d'affaires", "e-mail re-entry co-op", "Caf\u00e9 CAF\u00c9 cafe",
            "cafe\u0301 decomposed", "x\u00b2 + y\u00b3 = z\u2074", "Chapter \u216b and \u00bd",
            "\u0130stanbul \u0131g\u0131t", "Stra\u00dfe STRASSE",
            "\u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3 \u03c3\u03bf\u03c6\u03bf\u03c2", "3.14 42 007 1e10",
            "rock\uD83D\uDE00roll \uD83D\uDC4D\uD83C\uDFFD thumbs",
            "\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8 \u4e2d\u6587", "\uD801\uDC00 deseret \uD801\uDC28",
            "under_score snake_case", "tab\tsep new\nline", "\u01c4 digraph \u01c5", "\ufb01ne ligature fine",
            "\u212a kelvin k", "AND OR NOT NEAR", "\"quoted\" * ^ : ( )", "col : value", "  ", "-",
            "\u00a0nbsp\u2009thin\u200bzero", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645",
            "\uE000private use");

    private final SqlBackend backend = SqliteFixtures.memoryBackend();
    private final EntityLayout notes = layout("notes", inline("body", "LongText"), indexed("title", "ShortText"));

    @AfterEach
    void close() {
        backend.close();
    }

    private Set<String> nativeMatches(String field, String query) {
        Set<String> out = new LinkedHashSet<>();
        for (Hit hit : backend.execute(notes, Fragment.filter(new Expr.Leaf(field, Op.MATCH, query), null))) {
            out.add(hit.objectId());
        }
        return out;
    }

    private List<String> queries() {
        Set<String> queries = new LinkedHashSet<>(CORPUS);
        for (String text : CORPUS) {
            for (String word : TextMatch.words(text)) {
                queries.add(word);
                queries.add(word.toUpperCase(Locale.ROOT));
            }
            queries.add(text.toUpperCase(Locale.ROOT));
        }
        queries.addAll(List.of("", "!!", "missing", "caf", "don t", "\"", "\"\"", "a\"b", "*", "NOT caf\u00e9"));
        return new ArrayList<>(queries);
    }

    @Test
    void everyQueryMatchesExactlyTheRowsTextMatchAccepts() {
        backend.ensure(notes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            rows.add(row(notes, "n" + i, "body", CORPUS.get(i)));
        }
        rows.add(row(notes, "empty"));
        backend.upsert(notes, rows);

        for (String query : queries()) {
            Set<String> expected = new LinkedHashSet<>();
            for (int i = 0; i < CORPUS.size(); i++) {
                if (TextMatch.matches(CORPUS.get(i), query)) {
                    expected.add("n" + i);
                }
            }
            assertThat(nativeMatches("body", query)).as("match %s", query).isEqualTo(expected);
        }
    }

    @Test
    void matchIsRestrictedToItsField() {
        backend.ensure(notes);
        backend.upsert(notes, List.of(row(notes, "a", "title", "alpha", "body", "beta")));

        assertThat(nativeMatches("title", "alpha")).containsExactly("a");
        assertThat(nativeMatches("title", "beta")).isEmpty();
        assertThat(nativeMatches("body", "alpha beta")).isEmpty();
    }

    @Test
    void notMatchIsTheComplementIncludingRowsWithoutText() {
        backend.ensure(notes);
        backend.upsert(notes, List.of(row(notes, "a", "body", "alpha"), row(notes, "b", "body", "beta"),
                row(notes, "c")));

        List<String> ids = backend.execute(notes, Fragment.filter(new Expr.Not(new Expr.Leaf("body", Op.MATCH,
                "alpha")), null)).stream().map(Hit::objectId).toList();

        assertThat(ids).containsExactly("b", "c");
    }
}
