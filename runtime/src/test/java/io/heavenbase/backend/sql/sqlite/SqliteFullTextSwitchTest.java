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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-text switch on SQLite: only fields with the switch on get an FTS5 table; a field without
 * one is matched by a scan through {@code hb_match} with the same answers; switching a field off
 * removes its index, and switching it on again indexes the rows as they are then (no stale entries).
 */
class SqliteFullTextSwitchTest {

    private static final List<String> TEXTS = List.of("Don't stop", "Caf\u00e9 CAF\u00c9 cafe", "cafe\u0301 decomposed",
            "x\u00b2 + y\u00b3", "\u0130stanbul \u0131g\u0131t", "Stra\u00dfe STRASSE",
            "\u03a3\u039f\u03a6\u039f\u03a3",
            "rock\uD83D\uDE00roll", "\u65e5\u672c\u8a9e \u4e2d\u6587", "\uD801\uDC00 deseret \uD801\uDC28",
            "under_score", "tab\tsep new\nline", "\u01c4 digraph \u01c5", "\ufb01ne fine", "\u212a kelvin k",
            "\"quoted\" * ^ : ( )", "  ", "-", "\u00a0nbsp\u2009thin\u200bzero", "42 is 42");

    @TempDir
    Path directory;

    private SqlBackend backend;

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void givenShortTextWithoutSwitch_whenEnsured_thenOnlyTheLongTextHasAnFts5Table() throws SQLException {
        backend = SqliteFixtures.open(database());
        EntityLayout notes = layout("notes", inline("title", "ShortText"), inline("summary", "MediumText"),
                inline("body", "LongText"), indexed("label", "ShortText"));

        backend.ensure(notes);

        assertThat(tables()).contains("notes__fts_body", "notes__fts_label")
                .doesNotContain("notes__fts_title", "notes__fts_summary");
    }

    @Test
    void givenFieldWithoutIndex_whenEveryQueryMatched_thenTheScanAnswersLikeTextMatch() {
        backend = SqliteFixtures.open(database());
        EntityLayout notes = layout("notes", inline("title", "ShortText"));
        backend.ensure(notes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            rows.add(row(notes, "n" + i, "title", TEXTS.get(i)));
        }
        rows.add(row(notes, "none"));
        backend.upsert(notes, rows);

        for (String query : queries()) {
            List<String> expected = new ArrayList<>();
            List<String> complement = new ArrayList<>(List.of("none"));
            for (int i = 0; i < TEXTS.size(); i++) {
                (TextMatch.matches(TEXTS.get(i), query) ? expected : complement).add("n" + i);
            }
            assertThat(matches(notes, "title", query)).as("match %s", query)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ids(notes, new Expr.Not(new Expr.Leaf("title", Op.MATCH, query)))).as("not match %s", query)
                    .containsExactlyInAnyOrderElementsOf(complement);
        }
    }

    @Test
    void givenSwitchTurnedOffAndOnAgain_whenTextsChangedMeanwhile_thenTheIndexHoldsOnlyTheCurrentTexts()
            throws SQLException {
        backend = SqliteFixtures.open(database());
        EntityLayout on = layout("notes", indexed("title", "ShortText"));
        EntityLayout off = layout("notes", inline("title", "ShortText"));
        backend.ensure(on);
        backend.upsert(on, List.of(row(on, "a", "title", "old words"), row(on, "b", "title", "old words")));

        backend.ensure(off);
        assertThat(tables()).doesNotContain("notes__fts_title");
        backend.upsert(off, List.of(row(off, "a", "title", "new words"), row(off, "c", "title", "old news")));
        backend.delete(off, List.of("b"));
        assertThat(matches(off, "title", "old")).containsExactly("c");

        backend.ensure(on);

        assertThat(tables()).contains("notes__fts_title");
        assertThat(matches(on, "title", "old")).containsExactly("c");
        assertThat(matches(on, "title", "words")).containsExactly("a");
        assertThat(matches(on, "title", "new")).containsExactly("a");
    }

    private List<String> queries() {
        List<String> queries = new ArrayList<>(TEXTS);
        for (String text : TEXTS) {
            for (String word : TextMatch.words(text)) {
                queries.add(word);
                queries.add(word.toUpperCase(Locale.ROOT));
            }
        }
        queries.addAll(List.of("", "!!", "missing", "caf", "don t", "\"", "a\"b", "*", "kelvin K"));
        return queries;
    }

    private List<String> matches(EntityLayout layout, String field, String query) {
        return ids(layout, new Expr.Leaf(field, Op.MATCH, query));
    }

    private List<String> ids(EntityLayout layout, Expr filter) {
        return backend.execute(layout, Fragment.filter(filter, null)).stream().map(Hit::objectId).toList();
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT name FROM sqlite_master WHERE type = 'table'");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private String database() {
        return directory.resolve("notes.db").toString();
    }
}
