package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.indexed;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectMatchContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.TextMatch;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code match} runs natively and answers exactly like {@link TextMatch#matches}, through every write. */
class PostgresMatchTest {

    private static final List<String> TEXTS = List.of("The quick brown fox", "QUICK-thinking foxes", "caf\u00e9 au lait",
            "cafe", "x\u00b2 + y\u00b2", "don't stop", "\u0130stanbul", "STRASSE stra\u00dfe", "\u00c6sir \u00e6sir",
            "\uD801\uDC00 deseret \uD801\uDC28", "tab\tnew\nline", "42 is 42", "\uD83D\uDE00smile\uD83D\uDE00",
            "\u0661\u0662\u0663 arabic digits", "", "   ", "e\u0301t\u00e9", "ǅemal", "ﬁne print");
    private static final List<String> QUERIES = List.of("quick", "QUICK fox", "fox", "foxes quick", "café", "cafe",
            "x", "x\u00b2", "don", "t", "i\u0307stanbul", "\u0130stanbul", "istanbul", "strasse", "straße", "æsir",
            "\uD801\uDC28", "\uD801\uDC00", "42", "smile", "\u0661\u0662\u0663", "e", "\u00e9", "ǆemal", "ﬁne",
            "!?", "", "print ﬁne");
    private static final EntityLayout ARTICLE = layout("article", indexed("title", "ShortText"),
            inline("body", "LongText"), indexed("summary", "MediumText"));

    private PostgresBackends opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenTrickyTexts_whenEveryQueryMatched_thenExactlyTheRowsTextMatchAccepts(PostgresTestServers server) {
        Map<String, String> texts = stored(server);

        for (String query : QUERIES) {
            List<String> expected = texts.entrySet().stream().filter(e -> TextMatch.matches(e.getValue(), query))
                    .map(Map.Entry::getKey).sorted().toList();
            assertThat(matching("body", query)).as("match body %s", query).containsExactlyElementsOf(expected);
            assertThat(matching("title", query)).as("match title %s (only one row has a title)", query)
                    .containsExactlyElementsOf(TextMatch.matches(TEXTS.get(0), query) ? List.of("t0") : List.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenTextReplacedClearedOrRowDeleted_whenMatched_thenOnlyTheCurrentTextCounts(PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(ARTICLE);
        opened.backend().upsert(ARTICLE, List.of(row(ARTICLE, "a", "body", "old words"),
                row(ARTICLE, "b", "body", "old words"), row(ARTICLE, "c", "body", "old words")));

        opened.backend().upsert(ARTICLE, List.of(row(ARTICLE, "a", "body", "new words"), row(ARTICLE, "b")));
        opened.backend().delete(ARTICLE, List.of("c"));

        assertThat(matching("body", "old")).isEmpty();
        assertThat(matching("body", "new words")).containsExactly("a");
        assertThat(matching("body", "words")).containsExactly("a");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenWordsTableLost_whenEnsuredAgain_thenStoredTextsAreIndexedAgain(PostgresTestServers server)
            throws SQLException {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(ARTICLE);
        opened.backend().upsert(ARTICLE, List.of(row(ARTICLE, "a", "body", "kept text", "title", "a title")));
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE \"" + opened.schema() + "\".\"article$words\"");
        }

        opened.backend().ensure(ARTICLE);

        assertThat(matching("body", "kept")).containsExactly("a");
        assertThat(matching("title", "title")).containsExactly("a");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenMatchUnderNot_whenRun_thenTheExactComplementIncludingNullTexts(PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(ARTICLE);
        opened.backend().upsert(ARTICLE, List.of(row(ARTICLE, "a", "body", "red fox"), row(ARTICLE, "b", "body", "blue"),
                row(ARTICLE, "c")));

        List<String> ids = opened.backend().execute(ARTICLE, Fragment.filter(
                new Expr.Not(new Expr.Leaf("body", Op.MATCH, "fox")), null)).stream().map(Hit::objectId).toList();

        assertThat(ids).containsExactly("b", "c");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PostgresTestServers.class, names = "POSTGRES")
    void givenSwitchTurnedOffAndOnAgain_whenTextsChangedMeanwhile_thenTheWordsAreOnlyTheCurrentTexts(
            PostgresTestServers server) throws SQLException {
        opened = PostgresBackends.open(server);
        EntityLayout on = layout("article", indexed("title", "ShortText"), inline("body", "LongText"));
        EntityLayout off = layout("article", inline("title", "ShortText"), inline("body", "LongText"));
        opened.backend().ensure(on);
        opened.backend().upsert(on, List.of(row(on, "a", "title", "old words", "body", "kept body"),
                row(on, "b", "title", "old words")));

        opened.backend().ensure(off);
        assertThat(wordRows(server, "title")).isZero();
        assertThat(wordRows(server, "body")).isEqualTo(1);
        opened.backend().upsert(off, List.of(row(off, "a", "title", "new words", "body", "kept body"),
                row(off, "c", "title", "old news")));
        opened.backend().delete(off, List.of("b"));
        opened.backend().ensure(on);

        assertThat(ids(on, "title", "old")).containsExactly("c");
        assertThat(ids(on, "title", "new")).containsExactly("a");
        assertThat(ids(on, "body", "kept")).containsExactly("a");
    }

    private long wordRows(PostgresTestServers server, String field) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT count(*) FROM \"" + opened.schema()
                        + "\".\"article$words\" WHERE field = '" + field + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> ids(EntityLayout layout, String field, String query) {
        return opened.backend().execute(layout, Fragment.filter(new Expr.Leaf(field, Op.MATCH, query), null)).stream()
                .map(Hit::objectId).sorted().toList();
    }

    private Map<String, String> stored(PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(ARTICLE);
        Map<String, String> texts = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String id = "t" + i;
            texts.put(id, TEXTS.get(i));
            rows.add(i == 0 ? row(ARTICLE, id, "body", TEXTS.get(i), "title", TEXTS.get(i), "summary", "quick")
                    : row(ARTICLE, id, "body", TEXTS.get(i)));
        }
        opened.backend().upsert(ARTICLE, rows);
        return texts;
    }

    private List<String> matching(String field, String query) {
        return opened.backend().execute(ARTICLE, Fragment.filter(new Expr.Leaf(field, Op.MATCH, query), null)).stream()
                .map(Hit::objectId).sorted().toList();
    }

    /** The {@link DialectMatchContract} cases on plain postgres. */
    @Nested
    class OnPostgres extends DialectMatchContract {

        @Override
        protected OpenedBackend open() {
            return PostgresBackends.open(PostgresTestServers.POSTGRES);
        }
    }

    /** The {@link DialectMatchContract} cases on pgvector. */
    @Nested
    class OnPgvector extends DialectMatchContract {

        @Override
        protected OpenedBackend open() {
            return PostgresBackends.open(PostgresTestServers.PGVECTOR);
        }
    }
}
