package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.heavenbase.Filter;
import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;
import io.heavenbase.ValidationException;
import io.heavenbase.query.WordAnalyzer;
import io.heavenbase.search.LuceneReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Relevance-ranked search: the top-k rows by BM25 as Lucene scores them, ties by object_id, filters applied
 * before the cut wherever their fields live, order_by re-ordering the top-k, paging, count, score and explain.
 */
public interface SearchConformance extends ConformanceContext {

    /** Bodies chosen so that term frequency, document length and rarity all decide some rank. */
    private List<Map<String, Object>> loadDocuments() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("s01", BODY, "The quick brown fox jumps over the lazy dog", QTY, 1L, TITLE, "b"));
        rows.add(row("s02", BODY, "fox fox fox", QTY, 2L, TITLE, "a"));
        rows.add(row("s03", BODY, "A dog and a cat; the dog sleeps", QTY, 3L, TITLE, "d"));
        rows.add(row("s04", BODY, "Brown bears and brown foxes live in the forest, far from any town", QTY, 4L,
                TITLE, "c"));
        rows.add(row("s05", BODY, "quick thinking", QTY, 5L, TITLE, "e"));
        rows.add(row("s06", BODY, "same words here", QTY, 6L));
        rows.add(row("s07", BODY, "same words here", QTY, 7L));
        rows.add(row("s08", QTY, 8L));
        rows.add(row("s09", BODY, "", QTY, 9L));
        ws().upsertMany(item(), rows);
        return rows;
    }

    private static LuceneReference reference(List<Map<String, Object>> rows) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            texts.put((String) row.get(ConformanceEntity.OBJECT_ID), (String) row.get(BODY));
        }
        return new LuceneReference(texts, new WordAnalyzer());
    }

    private static void assertSameAsLucene(ResultFrame found, List<LuceneReference.Scored> expected) {
        assertThat(found.ids()).containsExactlyElementsOf(expected.stream().map(LuceneReference.Scored::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            double score = found.rows().get(i).score();
            assertThat(score).isCloseTo(expected.get(i).score(), within(1e-4 * Math.abs(expected.get(i).score())));
        }
    }

    @Test
    default void givenTexts_whenSearched_thenTopKAreLucenesBm25RankingWithItsScores() {
        List<Map<String, Object>> rows = loadDocuments();

        ResultFrame found = ws().query(item()).search(BODY, "quick brown fox", 4).execute();

        assertSameAsLucene(found, reference(rows).top("quick brown fox", 4, id -> true));
        assertThat(found.ids()).startsWith("s01").contains("s02", "s04", "s05");
        assertThat(found.columns()).contains(ConformanceEntity.OBJECT_ID, BODY, "score");
    }

    @Test
    default void givenEqualTexts_whenSearched_thenTiesAreBrokenByObjectId() {
        loadDocuments();

        List<String> ids = ws().query(item()).search(BODY, "words", 5).execute().ids();

        assertThat(ids).containsExactly("s06", "s07");
    }

    @Test
    default void givenAFilter_whenSearched_thenTheFilterAppliesBeforeTheCut() {
        List<Map<String, Object>> rows = loadDocuments();
        Set<String> kept = Set.of("s03", "s04", "s05", "s06", "s07", "s08", "s09");

        ResultFrame found = ws().query(item()).where(Filter.gt(QTY, 2L)).search(BODY, "fox dog brown", 2).execute();

        assertSameAsLucene(found, reference(rows).top("fox dog brown", 2, kept::contains));
        assertThat(found.ids()).containsExactlyInAnyOrder("s03", "s04");
    }

    @Test
    default void givenSearch_whenOrderedPagedCountedAndAskedAsJson_thenTheTopKIsReorderedAndPaged() {
        loadDocuments();

        List<String> byTitle = ws().query(item()).search(BODY, "quick brown fox", 4).orderBy(TITLE).execute().ids();
        List<String> paged = ws().query(item()).search(BODY, "quick brown fox", 4).offset(1).limit(2).execute()
                .ids();
        List<String> all = ws().query(item()).search(BODY, "quick brown fox", 4).execute().ids();
        long count = ws().query(item()).search(BODY, "quick brown fox", 4).count();
        ResultFrame json = ws().queryJson(item(), Map.of("search", Map.of("field", BODY, "text", "quick brown fox",
                "top_k", 4), "select", List.of(BODY, "score")));

        assertThat(byTitle).containsExactly("s02", "s01", "s04", "s05");
        assertThat(paged).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(count).isEqualTo(4);
        assertThat(json.ids()).containsExactlyElementsOf(all);
        assertThat(json.rows()).allSatisfy(row -> assertThat(row.score()).isPositive());
        assertThat(json.rows().get(0).score()).isGreaterThan(json.rows().get(3).score());
    }

    @Test
    default void givenNoMatchingTerm_whenSearched_thenNothingAndExplainShowsTheSearchStep() {
        loadDocuments();

        ResultFrame none = ws().query(item()).search(BODY, "zebra !!", 3).execute();
        ResultFrame noWords = ws().query(item()).search(BODY, "  ...  ", 3).execute();
        Plan plan = ws().query(item()).where(Filter.gt(QTY, 2L)).search(BODY, "fox", 3).explain();

        assertThat(none.isEmpty()).isTrue();
        assertThat(noWords.isEmpty()).isTrue();
        assertThat(plan.steps("search")).singleElement().satisfies(step -> {
            assertThat(step.field()).isEqualTo(BODY);
            assertThat(step.detail()).contains("BM25").contains("candidate_ids");
        });
    }

    @Test
    default void givenBadSearches_whenRun_thenValidationErrorsNameThePath() {
        loadDocuments();

        assertThatThrownBy(() -> ws().query(item()).search(QTY, "x", 3).execute())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.field"))
                .hasMessageContaining("search needs a text field");
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", 0).execute())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.top_k"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, null, 3).execute())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.text"));
        assertThatThrownBy(() -> ws().queryJson(item(), Map.of("search", Map.of("field", BODY, "txt", "x"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.txt"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", 3).near(EMBEDDING, new float[] {1, 0, 0}, 3)
                .execute()).isInstanceOf(ValidationException.class).hasMessageContaining("hybrid");
        assertThat(ws().count(item())).isEqualTo(9);
    }
}
