package io.heavenbase.backend.lance;

import static io.heavenbase.backend.lance.LanceFixtures.indexed;
import static io.heavenbase.backend.lance.LanceFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.heavenbase.Metric;
import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code near} on the lance backend: the exact top-k of the eligible rows (filter and candidates
 * applied before the cut while closer ineligible rows exist), higher-is-closer scores equal to
 * {@link Similarity}, rows without a vector never returned. Run through the exact path, through
 * Lance's flat nearest search with widening ({@code exact-near-limit = 0}), and through the IVF
 * index built once the dataset is large enough ({@code index-min-rows}), searched with every
 * partition probed.
 */
class LanceNearTest {

    private static final EntityLayout LAYOUT = new EntityLayout("near-item", List.of(
            indexed("embedding", 4), inline("qty", "Integer")));
    private static final float[] QUERY = {1, 0.2f, 0, -0.1f};
    private static final int ROW_COUNT = 400;
    private static final List<Map<String, Object>> ROWS = rows();
    /** Rare rows far down the ranking: Lance's first nearest request cannot hold k of them. */
    private static final Expr RARE = new Expr.Leaf("qty", Op.EQ, 7L);

    private static Path directory;
    private static LanceBackend exact;
    private static LanceBackend widening;
    private static LanceBackend indexed;

    @BeforeAll
    static void loadRows() {
        directory = LanceFixtures.temporaryDirectory();
        exact = LanceFixtures.open(directory);
        widening = LanceFixtures.open(directory, "exact-near-limit", 0);
        exact.ensure(LAYOUT);
        exact.upsert(LAYOUT, ROWS);
        indexed = LanceFixtures.open(directory, "exact-near-limit", 0, "index-min-rows", ROW_COUNT, "nprobes", 64);
        indexed.upsert(LAYOUT, List.of(ROWS.get(0)));
    }

    @AfterAll
    static void dropRows() {
        exact.close();
        widening.close();
        indexed.close();
        LanceFixtures.removeTree(directory);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenAMetric_whenNearOnTheExactPath_thenTheKBestRowsWithTheMetricsScores(Metric metric) {
        assertExactTopK(exact, null, null, 7, metric);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenAMetric_whenNearThroughLancesSearch_thenTheKBestRowsWithTheMetricsScores(Metric metric) {
        assertExactTopK(widening, null, null, 7, metric);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenCloserIneligibleRows_whenNearWithAFilterThroughLancesSearch_thenTheKBestEligibleRows(Metric metric) {
        assertExactTopK(widening, RARE, null, 5, metric);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenCloserIneligibleRows_whenNearWithAFilterOnTheExactPath_thenTheKBestEligibleRows(Metric metric) {
        assertExactTopK(exact, new Expr.Not(new Expr.Leaf("qty", Op.LT, 5L)), null, 6, metric);
    }

    @Test
    void givenCandidatesFromAnotherBackend_whenNear_thenOnlyCandidatesCompeteBeforeTheCut() {
        Set<String> candidates = new HashSet<>();
        for (int i = 0; i < ROW_COUNT; i += 37) {
            candidates.add("r" + i);
        }
        candidates.add("not-stored");

        assertExactTopK(exact, null, candidates, 4, Metric.COSINE);
        assertExactTopK(widening, null, candidates, 4, Metric.DOT);
        assertExactTopK(widening, RARE, candidates, 4, Metric.L2);
    }

    @Test
    void givenTopKLargerThanTheEligibleRows_whenNear_thenEveryEligibleRowWithAVector() {
        List<Hit> hits = widening.execute(LAYOUT, near(RARE, null, 1000, Metric.COSINE));

        assertThat(hits).hasSize((int) ROWS.stream().filter(row -> eligible(row, RARE, null)).count());
    }

    @Test
    void givenEnoughRows_whenWritten_thenAnIvfIndexIsBuiltAndUsedForCosine() {
        assertThat(indexed.indexedFieldNames(LAYOUT)).contains("embedding_idx");

        assertExactTopK(indexed, null, null, 10, Metric.COSINE);
        assertExactTopK(indexed, RARE, null, 3, Metric.COSINE);
    }

    @Test
    void givenTheIndex_whenNearByAnotherMetric_thenTheExactRowsStillComeBack() {
        assertExactTopK(indexed, RARE, null, 3, Metric.DOT);
    }

    @Test
    void givenAnIndexedDataset_whenARowIsWrittenAfterTheIndex_thenNearFindsIt() {
        Path own = LanceFixtures.temporaryDirectory();
        try (LanceBackend backend = LanceFixtures.open(own, "exact-near-limit", 0, "index-min-rows", 200)) {
            backend.ensure(LAYOUT);
            backend.upsert(LAYOUT, ROWS.subList(0, 200));
            assertThat(backend.indexedFieldNames(LAYOUT)).contains("embedding_idx");

            backend.upsert(LAYOUT, List.of(Map.of(Names.OBJECT_ID, "late", "embedding", QUERY.clone(), "qty", 1L)));

            assertThat(backend.execute(LAYOUT, near(null, null, 1, Metric.COSINE))).extracting(Hit::objectId)
                    .containsExactly("late");
        } finally {
            LanceFixtures.removeTree(own);
        }
    }

    @Test
    void givenNoCandidates_whenNear_thenNoHits() {
        assertThat(exact.execute(LAYOUT, near(null, Set.of(), 3, Metric.COSINE))).isEmpty();
    }

    private static void assertExactTopK(LanceBackend backend, Expr filter, Set<String> candidates, int k,
            Metric metric) {
        List<Hit> hits = backend.execute(LAYOUT, near(filter, candidates, k, metric));

        List<Map<String, Object>> expected = ROWS.stream().filter(row -> eligible(row, filter, candidates))
                .sorted(Comparator.<Map<String, Object>>comparingDouble(row -> -score(row, metric))
                        .thenComparing(row -> (String) row.get(Names.OBJECT_ID), ValueOrder::compareText))
                .limit(k).toList();
        assertThat(hits).extracting(Hit::objectId).as("%s %s", metric, filter)
                .containsExactlyElementsOf(expected.stream().map(row -> (String) row.get(Names.OBJECT_ID)).toList());
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isCloseTo(score(expected.get(i), metric), within(1e-9));
        }
    }

    private static boolean eligible(Map<String, Object> row, Expr filter, Set<String> candidates) {
        return row.get("embedding") != null && (filter == null || Evaluator.test(filter, row))
                && (candidates == null || candidates.contains(row.get(Names.OBJECT_ID)));
    }

    private static double score(Map<String, Object> row, Metric metric) {
        return Similarity.score(metric, (float[]) row.get("embedding"), QUERY);
    }

    private static Fragment near(Expr filter, Set<String> candidates, int k, Metric metric) {
        return new Fragment(filter, new NearSpec("embedding", QUERY, k, metric), candidates, List.of(), 0, null,
                Set.of());
    }

    private static List<Map<String, Object>> rows() {
        Random random = new Random(42);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROW_COUNT; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put(Names.OBJECT_ID, "r" + i);
            float[] vector = new float[4];
            for (int d = 0; d < 4; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            boolean rare = i % 50 == 7;
            if (rare) {
                vector[0] = -Math.abs(vector[0]) - 1;
            }
            row.put("embedding", i % 23 == 0 ? null : vector);
            row.put("qty", rare ? 7L : (long) (i % 7 == 6 ? 6 : i % 5));
            rows.add(row);
        }
        return rows;
    }
}
