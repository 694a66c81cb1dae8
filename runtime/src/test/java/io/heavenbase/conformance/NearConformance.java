package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.vec;
import static io.heavenbase.conformance.ReferenceModel.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.heavenbase.Filter;
import io.heavenbase.Metric;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Similarity search: ranking per metric, higher-is-closer scores, and filters applied before the
 * top-k cut wherever the filter fields live.
 */
public interface NearConformance extends ConformanceContext {

    float[] EAST = {1, 0, 0};

    @Test
    default void givenVectors_whenNearWithoutMetric_thenRankedByCosineSimilarity() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).near(EMBEDDING, EAST, 3).execute().ids();

        assertThat(ids).containsExactlyElementsOf(
                ReferenceModel.nearest(rows, EMBEDDING, EAST, 3, Metric.COSINE, r -> true));
        assertThat(ids).containsExactly("r01", "r02", "r07");
    }

    @Test
    default void givenVectors_whenNearByDotProduct_thenRankedByDotProductWithTiesByObjectId() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).near(EMBEDDING, EAST, 4, Metric.DOT).execute().ids();

        assertThat(ids).containsExactlyElementsOf(ReferenceModel.nearest(rows, EMBEDDING, EAST, 4, Metric.DOT, r -> true));
        assertThat(ids).containsExactly("r01", "r11", "r02", "r08");
    }

    @Test
    default void givenVectors_whenNearByEuclideanDistance_thenClosestFirst() {
        List<Map<String, Object>> rows = loadFixture();
        float[] query = {0.2f, 0.8f, 0.1f};

        List<String> ids = ws().query(item()).near(EMBEDDING, query, 3, Metric.L2).execute().ids();

        assertThat(ids).containsExactlyElementsOf(ReferenceModel.nearest(rows, EMBEDDING, query, 3, Metric.L2, r -> true));
    }

    @Test
    default void givenNear_whenSelectScore_thenScoresAreHigherIsCloserAndMatchTheMetric() {
        List<Map<String, Object>> rows = loadFixture();

        for (Metric metric : Metric.values()) {
            ResultFrame frame = ws().query(item()).near(EMBEDDING, EAST, 5, metric).select("score").execute();

            assertThat(frame.size()).as("%s", metric).isEqualTo(5);
            double previous = Double.POSITIVE_INFINITY;
            for (Row row : frame.rows()) {
                float[] stored = (float[]) ConformanceRows.fixtureRow(row.id()).get(EMBEDDING);
                assertThat(row.score()).as("%s score of %s", metric, row.id())
                        .isCloseTo(ReferenceModel.score(metric, stored, EAST), within(1e-5))
                        .isLessThanOrEqualTo(previous);
                previous = row.score();
            }
            assertThat(frame.ids()).as("%s", metric).containsExactlyElementsOf(
                    ReferenceModel.nearest(rows, EMBEDDING, EAST, 5, metric, r -> true));
        }
    }

    @Test
    default void givenExactMatch_whenNearByEuclideanDistance_thenItsScoreIsOne() {
        loadFixture();

        Row best = ws().query(item()).near(EMBEDDING, EAST, 1, Metric.L2).select("score").execute().rows().get(0);

        assertThat(best.id()).isEqualTo("r01");
        assertThat(best.score()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    default void givenClosestRowsAreIneligible_whenNearWithFilterOnAnotherField_thenTheKClosestEligibleRows() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).where(Filter.eq(COLOR, "blue")).near(EMBEDDING, EAST, 2).execute().ids();

        assertThat(ids).containsExactlyElementsOf(
                ReferenceModel.nearest(rows, EMBEDDING, EAST, 2, Metric.COSINE, r -> same(r.get(COLOR), "blue")));
        assertThat(ids).containsExactly("r07", "r11");
    }

    @Test
    default void givenClosestRowsAreIneligible_whenNearWithFilterNextToTheVector_thenTheKClosestEligibleRows() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).where(Filter.gt(QTY, 5)).near(EMBEDDING, EAST, 2).execute().ids();

        assertThat(ids).containsExactly("r02", "r08").containsExactlyElementsOf(ReferenceModel.nearest(rows,
                EMBEDDING, EAST, 2, Metric.COSINE, r -> r.get(QTY) != null && ((Long) r.get(QTY)) > 5));
    }

    @Test
    default void givenOrAndNotFilterAcrossBackends_whenNear_thenFilterAppliesBeforeTheCut() {
        List<Map<String, Object>> rows = loadFixture();
        Filter filter = Filter.or(Filter.arrayContains(TAGS, "pie"), Filter.not(Filter.match(ConformanceEntity.BODY,
                "quick")));

        List<String> ids = ws().query(item()).where(filter).near(EMBEDDING, EAST, 4, Metric.DOT).execute().ids();

        assertThat(ids).containsExactlyElementsOf(ReferenceModel.nearest(rows, EMBEDDING, EAST, 4, Metric.DOT,
                r -> ReferenceModel.contains(r.get(TAGS), "pie")
                        || !ReferenceModel.matches(r.get(ConformanceEntity.BODY), "quick")));
    }

    @Test
    default void givenTopKLargerThanEligibleRows_whenNear_thenEveryEligibleRowWithAVector() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).near(EMBEDDING, EAST, 100).execute().ids();

        assertThat(ids).hasSize(11).doesNotContain("r04")
                .containsExactlyElementsOf(ReferenceModel.nearest(rows, EMBEDDING, EAST, 100, Metric.COSINE, r -> true));
    }

    @Test
    default void givenNearQuery_whenCount_thenNumberOfRowsAfterTheCut() {
        loadFixture();

        assertThat(ws().query(item()).near(EMBEDDING, EAST, 3).count()).isEqualTo(3);
        assertThat(ws().query(item()).where(Filter.eq(COLOR, "blue")).near(EMBEDDING, EAST, 10).count()).isEqualTo(3);
    }

    @Test
    default void givenJsonNear_whenQueryJson_thenSameRowsAndScoresAsTheBuilder() {
        loadFixture();
        ResultFrame builder = ws().query(item()).where(Filter.ne(COLOR, "red"))
                .near(EMBEDDING, vec(0, 1, 0.2f), 4, Metric.DOT).select(TITLE, "score").execute();

        ResultFrame json = ws().queryJson(item(), Map.of("filter", Map.of(COLOR, Map.of("$ne", "red")),
                "near", Map.of("field", EMBEDDING, "vector", List.of(0, 1, 0.2), "top_k", 4, "metric", "dot"),
                "select", List.of(TITLE, "score")));

        assertThat(json.ids()).containsExactlyElementsOf(builder.ids()).hasSize(4);
        for (int i = 0; i < json.size(); i++) {
            assertThat(json.rows().get(i).score()).isCloseTo(builder.rows().get(i).score(), within(1e-5));
        }
    }

    @Test
    default void givenRowsWithoutAFilterMatch_whenNear_thenEmpty() {
        loadFixture();

        assertThat(ws().query(item()).where(Filter.eq(TITLE, "nothing")).near(EMBEDDING, EAST, 3).execute().ids())
                .isEmpty();
    }
}
