package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.rows;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ValidationException;
import io.heavenbase.backend.sql.SecretRedactor;
import io.heavenbase.backend.sql.SharedConnectionSource;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.query.Op;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sqlite backend at the SPI level: structures, writes, reads and failures. */
class SqliteBackendTest extends SqliteArticleFixture {

    @Test
    void ensureIsIdempotent() {
        backend.ensure(article);
        backend.ensure(article);

        assertThat(backend.count(article)).isZero();
    }

    @Test
    void ensureAddsColumnsAndTablesForNewFieldsKeepingRows() {
        EntityLayout v1 = layout("article", inline("title", "ShortText"));
        backend.ensure(v1);
        backend.upsert(v1, rows(row(v1, "a", "title", "first")));
        EntityLayout v2 = layout("article", inline("title", "ShortText"), inline("body", "LongText"),
                side("labels", "Array"));

        backend.ensure(v2);
        backend.upsert(v2, rows(row(v2, "b", "title", "second", "body", "new words", "labels", List.of("x"))));

        Map<String, Map<String, Object>> fetched = backend.fetch(v2, List.of("a", "b"),
                List.of("title", "body", "labels"));
        assertThat(fetched.get("a")).containsEntry("title", "first").containsEntry("body", null)
                .containsEntry("labels", null);
        assertThat(fetched.get("b")).containsEntry("labels", List.of("x"));
        assertThat(backend.execute(v2, Fragment.filter(leaf("body", Op.MATCH, "words"), null)))
                .extracting(Hit::objectId).containsExactly("b");
    }

    @Test
    void fieldNamesThatDifferOnlyInCaseAreRejected() {
        EntityLayout clash = layout("article", inline("title", "ShortText"), inline("Title", "ShortText"));

        assertThatThrownBy(() -> backend.ensure(clash)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'Title'").hasMessageContaining("clashes with 'title'");
    }

    @Test
    void theHiddenRowIdColumnNameIsRejectedAsAFieldName() {
        EntityLayout clash = layout("article", inline("hb_rowid", "Integer"));

        assertThatThrownBy(() -> backend.ensure(clash)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("hb_rowid");
    }

    @Test
    void tableNamesCarryThePrefixAndUnderscoredEntityId() {
        SqlBackend prefixed = (SqlBackend) new SqliteProvider().open(new BackendConfig("main",
                Map.of("type", "sqlite", "database", ":memory:", "prefix", "hb_")));
        EntityLayout orderLine = layout("order-line", side("labels", "Array"), inline("note", "ShortText"));

        SqlTables tables = prefixed.tables(orderLine);

        assertThat(tables.entity()).isEqualTo("hb_order_line");
        assertThat(tables.side("labels")).isEqualTo("hb_order_line__labels");
        assertThat(tables.fullText("note")).isEqualTo("hb_order_line__fts_note");
        prefixed.close();
    }

    @Test
    void dropRemovesRowsAndStructures() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "title", "t", "labels", List.of("x"), "body", "word")));

        backend.drop(article);

        assertThatThrownBy(() -> backend.count(article)).isInstanceOf(BackendException.class);
        backend.ensure(article);
        assertThat(backend.count(article)).isZero();
        assertThat(ids(leaf("body", Op.MATCH, "word"))).isEmpty();
        assertThat(ids(leaf("labels", Op.ARRAY_CONTAINS, "x"))).isEmpty();
    }

    @Test
    void fetchReturnsTheRequestedFieldsWithObjectIdAndSkipsUnknownIds() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "title", "A", "price", 1.5)));

        Map<String, Map<String, Object>> fetched = backend.fetch(article, List.of("a", "missing"),
                List.of("price", "not_here"));

        assertThat(fetched).containsOnlyKeys("a");
        assertThat(fetched.get("a")).containsExactly(Map.entry("object_id", "a"), Map.entry("price", 1.5));
    }

    @Test
    void upsertReplacesTheWholeRowPartAbsentFieldsBecomingNull() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "title", "old", "price", 2.0, "labels", List.of("x", "y"))));

        backend.upsert(article, rows(row(article, "a", "labels", List.of("z"))));

        Map<String, Object> a = backend.fetch(article, List.of("a"), List.of("title", "price", "labels")).get("a");
        assertThat(a).containsEntry("title", null).containsEntry("price", null)
                .containsEntry("labels", List.of("z"));
        assertThat(backend.count(article)).isEqualTo(1);
    }

    @Test
    void theLastRowOfAnIdRepeatedInOneBatchWins() {
        backend.ensure(article);

        backend.upsert(article, rows(row(article, "a", "title", "first", "labels", List.of("1")),
                row(article, "a", "title", "second", "labels", List.of("2", "3"))));

        assertThat(backend.fetch(article, List.of("a"), List.of("title", "labels")).get("a"))
                .containsEntry("title", "second").containsEntry("labels", List.of("2", "3"));
    }

    @Test
    void aFailingBatchWritesNothing() {
        backend.ensure(article);
        Map<String, Object> bad = new HashMap<>(row(article, "b"));
        bad.put("price", "not a number");

        assertThatThrownBy(() -> backend.upsert(article, rows(row(article, "a", "title", "ok"), bad)))
                .isInstanceOf(RuntimeException.class);

        assertThat(backend.count(article)).isZero();
    }

    @Test
    void deleteRemovesEntitySideAndFullTextRowsAndIgnoresUnknownIds() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "body", "alpha", "labels", List.of("x")),
                row(article, "b", "body", "beta")));

        backend.delete(article, List.of("a", "unknown"));

        assertThat(backend.ids(article)).containsExactly("b");
        assertThat(ids(leaf("body", Op.MATCH, "alpha"))).isEmpty();
        assertThat(ids(leaf("labels", Op.ARRAY_CONTAINS, "x"))).isEmpty();
    }

    @Test
    void reindexingReplacesTheOldWordsOfARow() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "body", "alpha")));

        backend.upsert(article, rows(row(article, "a", "body", "omega")));

        assertThat(ids(leaf("body", Op.MATCH, "alpha"))).isEmpty();
        assertThat(ids(leaf("body", Op.MATCH, "omega"))).containsExactly("a");
    }

    @Test
    void idsAreEveryStoredObjectIdInCodePointOrder() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "b"), row(article, "B"), row(article, "a")));

        assertThat(backend.ids(article)).containsExactly("B", "a", "b");
        assertThat(backend.count(article)).isEqualTo(3);
    }

    @Test
    void emptyAndNullArraysStayDistinctInBothStrategies() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "empty", "tags", List.of(), "labels", List.of()),
                row(article, "none")));

        Map<String, Map<String, Object>> fetched = backend.fetch(article, List.of("empty", "none"),
                List.of("tags", "labels"));

        assertThat(fetched.get("empty")).containsEntry("tags", List.of()).containsEntry("labels", List.of());
        assertThat(fetched.get("none")).containsEntry("tags", null).containsEntry("labels", null);
        assertThat(ids(leaf("labels", Op.NULL, true))).containsExactly("none");
    }

    @Test
    void sqlFailuresNameTheBackendTheOperationAndTheEntity() {
        assertThatThrownBy(() -> backend.count(article)).isInstanceOf(BackendException.class)
                .hasMessageContaining("backend 'main'").hasMessageContaining("count of entity 'article'")
                .hasMessageContaining("no such table")
                .satisfies(e -> assertThat(((BackendException) e).backend()).isEqualTo("main"));
    }

    @Test
    void configuredSecretsAreRedactedFromMessages() {
        SqlBackend redacting = new SqlBackend("main", "", null, new SqliteDialect(),
                new SharedConnectionSource(connect()), new SecretRedactor(List.of("article")));

        assertThatThrownBy(() -> redacting.count(article)).isInstanceOf(BackendException.class)
                .hasMessageContaining("no such table: ****").satisfies(e ->
                        assertThat(e.getMessage().replace("entity 'article'", "")).doesNotContain("article"));
        redacting.close();
    }

    @Test
    void pingSucceedsOnAnOpenDatabaseAndFailsAfterClose() {
        backend.ping();
        backend.close();

        assertThatThrownBy(backend::ping).isInstanceOf(BackendException.class).hasMessageContaining("ping");
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
