package io.heavenbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.heavenbase.ExecutionMode;
import io.heavenbase.HeavenBase;
import io.heavenbase.ResultFrame;
import io.heavenbase.Workspace;
import io.heavenbase.backend.sql.postgres.PostgresTestServers;
import io.heavenbase.query.WordAnalyzer;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.testsupport.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BM25 postings of the SQL backends follow every write: after texts are replaced, emptied, set to null and
 * rows deleted (in the same transactions as the rows), native search returns what Lucene returns over the texts
 * that remain, ids and scores. Also a text field with its full-text switch off is ranked by the engine, with the
 * same answers.
 */
class SearchAfterWritesTest {

    private static final String MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=";
    private static final List<String> QUERIES = List.of("fox", "brown dog", "quick quick fox", "cat", "lazy bear");

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.drop();
            workspace.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "duckdb", "postgres", "mysql", "inmem"})
    void givenReplacedEmptiedAndDeletedTexts_whenSearched_thenLucenesRankingOfWhatRemains(String type) {
        workspace = HeavenBase.open("search-writes-" + type, Map.of("main", backend(type)));
        EntitySchema note = workspace.register(EntitySchema.builder("note").field("body", "LongText")
                .field("title", "MediumText").build());
        Map<String, String> texts = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] words = {"quick", "brown", "fox", "lazy", "dog", "cat", "bear", "forest"};
        for (int i = 0; i < 60; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w <= i % 9; w++) {
                text.append(words[(i * 7 + w * 3) % words.length]).append(w % 2 == 0 ? " " : ", ");
            }
            String id = String.format("n%03d", i);
            texts.put(id, text.toString());
            rows.add(Map.of("object_id", id, "body", text.toString(), "title", text.toString()));
        }
        workspace.upsertMany(note, rows);
        // a first search builds what a backend may keep between writes (inmem's term index): the writes below must
        // replace it
        assertThat(workspace.query(note).search("body", "fox", 5).execute().ids()).hasSize(5);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < 60; i += 4) {
            String id = String.format("n%03d", i);
            String text = i % 8 == 0 ? "fox fox brown dog " + i : "";
            texts.put(id, text);
            changes.add(Map.of("object_id", id, "body", text, "title", text));
        }
        workspace.upsertMany(note, changes);
        Map<String, Object> emptied = new HashMap<>();
        emptied.put("object_id", "n001");
        emptied.put("body", null);
        emptied.put("title", null);
        workspace.upsert(note, emptied);
        texts.put("n001", null);
        List<String> deleted = List.of("n002", "n003", "n010", "n011");
        deleted.forEach(id -> workspace.delete(note, id));
        deleted.forEach(texts::remove);
        LuceneReference lucene = new LuceneReference(texts, new WordAnalyzer());

        assertThat(workspace.query(note).search("body", "fox", 5).explain().steps("search").get(0).mode())
                .isEqualTo(ExecutionMode.NATIVE);
        assertThat(workspace.query(note).search("title", "fox", 5).explain().steps("search").get(0).mode())
                .as("MediumText has its full-text switch off: the engine ranks, but inmem ranks every text itself")
                .isEqualTo(type.equals("inmem") ? ExecutionMode.NATIVE : ExecutionMode.FALLBACK);
        for (String query : QUERIES) {
            List<LuceneReference.Scored> expected = lucene.top(query, 10, id -> true);
            for (String field : List.of("body", "title")) {
                ResultFrame found = workspace.query(note).search(field, query, 10).select("score").execute();
                assertThat(found.ids()).as("%s '%s'", field, query)
                        .containsExactlyElementsOf(expected.stream().map(LuceneReference.Scored::id).toList());
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(found.rows().get(i).score()).as("%s score of %s for '%s'", field,
                            expected.get(i).id(), query).isCloseTo(expected.get(i).score(),
                                    withinPercentage(0.01));
                }
            }
        }
    }

    private static Map<String, Object> backend(String type) {
        switch (type) {
            case "postgres":
                return Map.of("type", "postgres", "url", PostgresTestServers.POSTGRES.url(), "prefix", "hbswr_");
            case "mysql":
                String url = System.getenv().getOrDefault("HEAVENBASE_TEST_MYSQL_URL", MYSQL_URL);
                try (Connection connection = DriverManager.getConnection(url)) {
                    assertThat(connection.isValid(5)).isTrue();
                } catch (SQLException e) {
                    TestServices.unavailable("MySQL/MariaDB at " + url + " is not reachable: " + e.getMessage());
                }
                return Map.of("type", "mysql", "url", url, "prefix", "hbswr_");
            case "inmem":
                return Map.of("type", "inmem");
            default:
                return Map.of("type", type, "database", ":memory:");
        }
    }
}
