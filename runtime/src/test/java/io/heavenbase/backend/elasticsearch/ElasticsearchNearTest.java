package io.heavenbase.backend.elasticsearch;

import static io.heavenbase.backend.elasticsearch.ElasticsearchFilterTest.ids;
import static io.heavenbase.backend.elasticsearch.ElasticsearchFilterTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.heavenbase.Metric;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Near queries on a real server return exactly the rows and scores of the engine's brute force
 * ({@link RowScan} with {@link Similarity}) for all three metrics: filters and candidates apply
 * before the top-k cut, scores are equal to the last bit, ties (also ties only at float precision)
 * are broken by object_id, and zero vectors score 0 under cosine.
 */
class ElasticsearchNearTest {

    private static final float[] EAST = {1, 0, 0};
    private static final EntityLayout LAYOUT = new EntityLayout("near-rows", List.of(
            new StoredField("emb", DType.vector(3), Strategy.VECTOR_INDEX),
            new StoredField("color", DType.categorical("red", "green", "blue", "tie"), Strategy.INLINE_COLUMN),
            new StoredField("qty", DType.INTEGER, Strategy.INLINE_COLUMN)));
    private static final List<Map<String, Object>> ROWS = rows();
    private static ElasticsearchBackend backend;
    private static ElasticsearchBackend paged;

    @BeforeAll
    static void load() {
        Map<String, Object> config = TestBackends.config();
        backend = TestBackends.open(config, ElasticsearchBackend.PAGE_SIZE);
        paged = TestBackends.open(config, 3);
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
                paged.close();
            }
        }
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("n01", "emb", vec(1, 0, 0), "color", "red", "qty", 1L));
        rows.add(row("n02", "emb", vec(0.9f, 0.1f, 0), "color", "green", "qty", 2L));
        rows.add(row("n03", "emb", vec(0, 1, 0), "color", "blue", "qty", 3L));
        rows.add(row("n04", "color", "red", "qty", 4L));
        rows.add(row("n05", "emb", vec(-1, 0, 0), "color", "red", "qty", 5L));
        rows.add(row("n06", "emb", vec(0, 0, 1), "color", "green"));
        rows.add(row("n07", "emb", vec(0.5f, 0.5f, 0), "color", "blue", "qty", 7L));
        rows.add(row("n08", "emb", vec(0.6f, 0, 0.8f), "color", "red", "qty", 8L));
        rows.add(row("n09", "emb", vec(0, -1, 0), "qty", 9L));
        rows.add(row("n10", "emb", vec(0, 0, 0), "color", "red", "qty", 10L));
        rows.add(row("n11", "emb", vec(1, 1, 1), "color", "blue", "qty", 11L));
        rows.add(row("n12", "emb", vec(1, 0, 0), "color", "green", "qty", 12L));
        rows.add(row("n13", "emb", vec(-0.5f, -0.5f, -0.5f), "color", "red", "qty", 13L));
        rows.add(row("n14", "emb", vec(3.0e-7f, -2f, 1.0e5f), "color", "green", "qty", 14L));
        // Cosine to EAST differs between these only beyond float precision; the lower the id, the farther.
        for (int i = 1; i <= 8; i++) {
            rows.add(row(String.format("t%02d", i), "emb", vec(1, (9 - i) * 1.0e-5f, 0), "color", "tie",
                    "qty", (long) i));
        }
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            rows.add(row(String.format("x%02d", i), "emb",
                    vec(random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1),
                    "color", List.of("red", "green", "blue").get(i % 3), "qty", (long) random.nextInt(20)));
        }
        return rows;
    }

    static Stream<Arguments> searches() {
        List<Arguments> cases = new ArrayList<>();
        List<float[]> queries = List.of(EAST, vec(0.2f, 0.8f, 0.1f), vec(-0.3f, 0.1f, -0.9f), vec(0, 0, 0),
                vec(1.0e-3f, 1.0e3f, -7f));
        List<Expr> filters = Arrays.asList(null, new Expr.Leaf("color", Op.EQ, "blue"),
                new Expr.Not(new Expr.Leaf("color", Op.IN, List.of("red", "tie"))),
                new Expr.Or(List.of(new Expr.Leaf("qty", Op.GT, 10L), new Expr.Leaf("color", Op.NULL, true))));
        for (Metric metric : Metric.values()) {
            for (float[] query : queries) {
                for (Expr filter : filters) {
                    for (int topK : new int[] {1, 3, 7, 100}) {
                        cases.add(arguments(metric, query, filter, topK));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} near {1} where {2} top {3}")
    @MethodSource("searches")
    void givenVectors_whenNear_thenTheRowsAndScoresOfTheEngineBruteForce(Metric metric, float[] query, Expr filter,
            int topK) {
        Fragment fragment = near(filter, null, new NearSpec("emb", query, topK, metric), List.of(), 0, null);

        List<Hit> actual = backend.execute(LAYOUT, fragment);
        List<Hit> expected = RowScan.execute(ROWS, fragment);

        assertThat(ids(actual)).containsExactlyElementsOf(ids(expected));
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).as("score of %s", actual.get(i).objectId())
                    .isEqualTo(expected.get(i).score());
        }
    }

    @Test
    void givenRowsTiedAtFloatPrecision_whenTheCutFallsInsideTheTie_thenTheExactlyClosestRows() {
        Fragment fragment = near(new Expr.Leaf("color", Op.EQ, "tie"), null, new NearSpec("emb", EAST, 3, Metric.COSINE),
                List.of(), 0, null);

        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactly("t08", "t07", "t06");
        assertThat(ids(paged.execute(LAYOUT, fragment))).containsExactly("t08", "t07", "t06");
    }

    @Test
    void givenClosestRowsAreIneligible_whenNearWithFilter_thenTheKClosestEligibleRows() {
        Fragment fragment = near(new Expr.Leaf("color", Op.EQ, "blue"), null, new NearSpec("emb", EAST, 2, Metric.COSINE),
                List.of(), 0, null);

        List<String> ids = ids(backend.execute(LAYOUT, fragment));

        assertThat(ids).hasSize(2).doesNotContain("n01", "n12", "n02").containsExactlyElementsOf(
                ids(RowScan.execute(ROWS, fragment)));
    }

    @Test
    void givenCandidates_whenNear_thenOnlyCandidatesAreRanked() {
        Fragment fragment = near(null, Set.of("n05", "n06", "n07", "n04"), new NearSpec("emb", EAST, 10, Metric.DOT),
                List.of(), 0, null);

        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactly("n07", "n06", "n05");
    }

    @Test
    void givenIdenticalVectors_whenNear_thenTiesAreBrokenByObjectId() {
        Fragment fragment = near(new Expr.Leaf("qty", Op.LTE, 12L), null, new NearSpec("emb", EAST, 2, Metric.L2),
                List.of(), 0, null);

        List<Hit> hits = backend.execute(LAYOUT, fragment);

        assertThat(ids(hits)).containsExactly("n01", "n12");
        assertThat(hits.get(0).score()).isEqualTo(1.0).isEqualTo(hits.get(1).score());
    }

    @Test
    void givenAZeroVector_whenNearByCosine_thenItScoresZero() {
        Fragment fragment = near(null, Set.of("n10"), new NearSpec("emb", EAST, 1, Metric.COSINE), List.of(), 0, null);

        Hit hit = backend.execute(LAYOUT, fragment).get(0);

        assertThat(hit.objectId()).isEqualTo("n10");
        assertThat(hit.score()).isZero();
    }

    @Test
    void givenOrderOffsetLimitAndColumns_whenNear_thenTheTopKAreReorderedAndSliced() {
        Fragment fragment = near(null, null, new NearSpec("emb", EAST, 6, Metric.COSINE),
                List.of(new SortKey("qty", true)), 1, 3, Set.of("qty", "score"));

        List<Hit> actual = backend.execute(LAYOUT, fragment);
        List<Hit> expected = RowScan.execute(ROWS, fragment);

        assertThat(ids(actual)).hasSize(3).containsExactlyElementsOf(ids(expected));
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).columns()).isEqualTo(expected.get(i).columns());
        }
    }

    @Test
    void givenTopKLargerThanOnePage_whenNear_thenEveryEligibleRowInOrder() {
        Fragment fragment = near(null, null, new NearSpec("emb", vec(0.2f, 0.8f, 0.1f), 50, Metric.L2), List.of(), 0,
                null);

        assertThat(ids(paged.execute(LAYOUT, fragment))).hasSize(50)
                .containsExactlyElementsOf(ids(RowScan.execute(ROWS, fragment)));
    }

    @Test
    void givenNoRowMatchesTheFilter_whenNear_thenNothing() {
        Fragment fragment = near(new Expr.Leaf("qty", Op.GT, 1000L), null, new NearSpec("emb", EAST, 3, Metric.COSINE),
                List.of(), 0, null);

        assertThat(backend.execute(LAYOUT, fragment)).isEmpty();
    }

    private static Fragment near(Expr filter, Set<String> candidates, NearSpec near, List<SortKey> order, int offset,
            Integer limit) {
        return near(filter, candidates, near, order, offset, limit, Set.of());
    }

    private static Fragment near(Expr filter, Set<String> candidates, NearSpec near, List<SortKey> order, int offset,
            Integer limit, Set<String> columns) {
        return new Fragment(filter, near, candidates, order, offset, limit, columns);
    }

    private static float[] vec(float... values) {
        return values;
    }
}
