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
import io.heavenbase.Fusion;
import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
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

    float[] EAST = {1, 0, 0};

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
        Plan plan = ws().query(item()).where(Filter.gt(QTY, 2L)).search(BODY, "fox", 3).explain();

        assertThat(none.isEmpty()).isTrue();
        assertThat(plan.steps("search")).singleElement().satisfies(step -> {
            assertThat(step.field()).isEqualTo(BODY);
            // the backend that ranks natively runs the filter with the search when it holds its field
            assertThat(step.detail()).contains("BM25").containsAnyOf("candidate_ids", "combined_scan");
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
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "", 3).execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("search.text");
                    assertThat(e.rule()).isEqualTo("empty");
                });
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "  ...  ", 3).execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("search.text");
                    assertThat(e.rule()).isEqualTo("no_terms");
                }).hasMessageContaining("standard analyzer");
        assertThatThrownBy(() -> ws().queryJson(item(), Map.of("search", Map.of("field", BODY, "text", "?!",
                "top_k", 3)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.text"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", -2).execute())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.top_k"));
        assertThatThrownBy(() -> ws().queryJson(item(), Map.of("search", Map.of("field", BODY, "txt", "x"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("search.txt"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", 3).fusion(Fusion.rrf()).execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fusion"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", 3).select("near.rank").execute())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("select[0]"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", 3).near(EMBEDDING, EAST, 3)
                .fusion(Fusion.rrf(0)).execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fusion.k"));
        assertThatThrownBy(() -> ws().query(item()).search(BODY, "x", 3).near(EMBEDDING, EAST, 3)
                .fusion(Fusion.weighted(-1, 1)).execute())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("fusion.search"));
        assertThatThrownBy(() -> ws().queryJson(item(), Map.of("search", Map.of("field", BODY, "text", "x"),
                "near", Map.of("field", EMBEDDING, "vector", List.of(1, 0, 0)), "fusion", Map.of("method", "max"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("fusion.method"));
        assertThat(ws().count(item())).isEqualTo(9);
    }

    /** Texts and vectors for hybrid queries: the text and the vector rankings disagree. */
    private List<Map<String, Object>> loadHybridDocuments() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("h01", BODY, "quick brown fox jumps", EMBEDDING, ConformanceRows.vec(1, 0, 0), QTY, 1L));
        rows.add(row("h02", BODY, "fox fox fox", EMBEDDING, ConformanceRows.vec(0, 1, 0), QTY, 2L));
        rows.add(row("h03", BODY, "dog and cat", EMBEDDING, ConformanceRows.vec(0.9f, 0.1f, 0), QTY, 3L));
        rows.add(row("h04", BODY, "brown bears", EMBEDDING, ConformanceRows.vec(0.5f, 0.5f, 0), QTY, 4L));
        rows.add(row("h05", BODY, "quick thinking", EMBEDDING, ConformanceRows.vec(0.1f, 0.9f, 0.1f), QTY, 5L));
        rows.add(row("h06", BODY, "nothing here", EMBEDDING, ConformanceRows.vec(0.8f, 0, 0.6f), QTY, 6L));
        ws().upsertMany(item(), rows);
        return rows;
    }

    /** The expected RRF list, computed here from the two expected leg rankings. */
    private static Map<String, Double> expectedRrf(List<String> text, List<String> vector, int k) {
        Map<String, Double> fused = new LinkedHashMap<>();
        for (int i = 0; i < text.size(); i++) {
            fused.merge(text.get(i), 1.0 / (k + i + 1), Double::sum);
        }
        for (int i = 0; i < vector.size(); i++) {
            fused.merge(vector.get(i), 1.0 / (k + i + 1), Double::sum);
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>(fused.entrySet());
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> ordered = new LinkedHashMap<>();
        entries.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }

    @Test
    default void givenTextAndVectors_whenSearchAndNear_thenOneRankingFusedByReciprocalRank() {
        List<Map<String, Object>> rows = loadHybridDocuments();
        List<String> text = reference(rows).top("quick fox", 3, id -> true).stream().map(LuceneReference.Scored::id)
                .toList();
        List<String> vector = ReferenceModel.nearest(rows, EMBEDDING, EAST, 3, io.heavenbase.Metric.COSINE,
                r -> true);
        Map<String, Double> expected = expectedRrf(text, vector, 60);

        ResultFrame found = ws().query(item()).search(BODY, "quick fox", 3).near(EMBEDDING, EAST, 3)
                .select("score", "search.rank", "near.rank").execute();

        assertThat(found.ids()).containsExactlyElementsOf(expected.keySet());
        for (Row row : found.rows()) {
            assertThat(row.score()).isCloseTo(expected.get(row.id()), within(1e-12));
            Object textRank = row.get("search.rank");
            Object vectorRank = row.get("near.rank");
            assertThat(textRank).isEqualTo(text.contains(row.id()) ? (long) text.indexOf(row.id()) + 1 : null);
            assertThat(vectorRank).isEqualTo(vector.contains(row.id()) ? (long) vector.indexOf(row.id()) + 1 : null);
        }
        assertThat(found.ids()).startsWith("h01");
    }

    @Test
    default void givenAHybridQuery_whenFilteredPagedCountedAsJsonAndExplained_thenEachLegIsFilteredBeforeItsCut() {
        List<Map<String, Object>> rows = loadHybridDocuments();
        List<String> text = reference(rows).top("quick fox brown", 2, id -> !id.equals("h01")).stream()
                .map(LuceneReference.Scored::id).toList();
        List<String> vector = ReferenceModel.nearest(rows, EMBEDDING, EAST, 2, io.heavenbase.Metric.COSINE,
                r -> (Long) r.get(QTY) > 1L);
        List<String> expected = new ArrayList<>(expectedRrf(text, vector, 10).keySet());

        List<String> all = ws().query(item()).where(Filter.gt(QTY, 1L)).search(BODY, "quick fox brown", 2)
                .near(EMBEDDING, EAST, 2).fusion(Fusion.rrf(10)).execute().ids();
        List<String> page = ws().query(item()).where(Filter.gt(QTY, 1L)).search(BODY, "quick fox brown", 2)
                .near(EMBEDDING, EAST, 2).fusion(Fusion.rrf(10)).offset(1).limit(2).execute().ids();
        long count = ws().query(item()).where(Filter.gt(QTY, 1L)).search(BODY, "quick fox brown", 2)
                .near(EMBEDDING, EAST, 2).fusion(Fusion.rrf(10)).count();
        ResultFrame json = ws().queryJson(item(), Map.of("filter", Map.of(QTY, Map.of("$gt", 1)),
                "search", Map.of("field", BODY, "text", "quick fox brown", "top_k", 2),
                "near", Map.of("field", EMBEDDING, "vector", List.of(1, 0, 0), "top_k", 2),
                "fusion", Map.of("method", "rrf", "k", 10)));
        Plan plan = ws().query(item()).where(Filter.gt(QTY, 1L)).search(BODY, "quick fox brown", 2)
                .near(EMBEDDING, EAST, 2).explain();

        assertThat(all).containsExactlyElementsOf(expected).doesNotContain("h01");
        assertThat(page).containsExactlyElementsOf(expected.subList(1, Math.min(3, expected.size())));
        assertThat(count).isEqualTo(expected.size());
        assertThat(json.ids()).containsExactlyElementsOf(expected);
        assertThat(plan.steps("search")).hasSize(1);
        assertThat(plan.steps("near")).hasSize(1);
        assertThat(plan.steps("fuse")).singleElement()
                .satisfies(step -> assertThat(step.detail()).contains("reciprocal rank fusion, k=60"));
    }

    @Test
    default void givenWeightedFusion_whenSearchAndNear_thenMinMaxNormalisedScoresAreSummedWithTheWeights() {
        List<Map<String, Object>> rows = loadHybridDocuments();
        List<LuceneReference.Scored> text = reference(rows).top("quick fox", 3, id -> true);
        List<String> vector = ReferenceModel.nearest(rows, EMBEDDING, EAST, 3, io.heavenbase.Metric.COSINE,
                r -> true);
        Map<String, Double> expected = new LinkedHashMap<>();
        double textMax = text.get(0).score();
        double textMin = text.get(text.size() - 1).score();
        for (LuceneReference.Scored hit : text) {
            expected.merge(hit.id(), 0.25 * (hit.score() - textMin) / (textMax - textMin), Double::sum);
        }
        Map<String, Double> cosine = new LinkedHashMap<>();
        for (String id : vector) {
            Map<String, Object> row = rows.stream().filter(r -> r.get(ConformanceEntity.OBJECT_ID).equals(id))
                    .findFirst().orElseThrow();
            cosine.put(id, ReferenceModel.score(io.heavenbase.Metric.COSINE, (float[]) row.get(EMBEDDING), EAST));
        }
        double vectorMax = cosine.get(vector.get(0));
        double vectorMin = cosine.get(vector.get(vector.size() - 1));
        cosine.forEach((id, score) -> expected.merge(id, 0.75 * (score - vectorMin) / (vectorMax - vectorMin),
                Double::sum));

        ResultFrame found = ws().query(item()).search(BODY, "quick fox", 3).near(EMBEDDING, EAST, 3)
                .fusion(Fusion.weighted(0.25, 0.75)).select("score", "search.score", "near.score").execute();

        assertThat(found.ids()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Row row : found.rows()) {
            assertThat(row.score()).as(row.id()).isCloseTo(expected.get(row.id()), within(1e-4));
        }
        assertThat(found.rows().get(0).score()).isGreaterThanOrEqualTo(found.rows().get(1).score());
        assertThat(found.rows().get(0).get("near.score")).isNotNull();
    }
}
