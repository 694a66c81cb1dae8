package io.heavenbase.backend.chroma;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Metric;
import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
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
 * {@code near} on the chroma backend against a real server: exact top-k of the eligible rows (filter
 * and candidates applied before the cut, closer ineligible rows present), higher-is-closer scores
 * equal to {@link Similarity}, rows without a vector never returned; once through the exact path
 * and once through Chroma's HNSW index ({@code exact-near-limit = 0}).
 */
class ChromaNearTest {

    private static final EntityLayout LAYOUT = new EntityLayout("near-item", List.of(
            new StoredField("embedding", DType.parse("Vector[4]"), Strategy.VECTOR_INDEX),
            new StoredField("qty", DType.INTEGER, Strategy.INLINE_COLUMN)));
    private static final float[] QUERY = {1, 0.2f, 0, -0.1f};
    private static final List<Map<String, Object>> ROWS = rows();

    private static String prefix;
    private static Backend exact;
    private static Backend viaIndex;

    @BeforeAll
    static void loadRows() {
        Map<String, Object> config = ChromaTestServer.config();
        prefix = (String) config.get("prefix");
        exact = new ChromaProvider().open(new BackendConfig("vec", config));
        Map<String, Object> indexConfig = new HashMap<>(config);
        indexConfig.put("exact-near-limit", 0);
        viaIndex = new ChromaProvider().open(new BackendConfig("vec", indexConfig));
        exact.ensure(LAYOUT);
        exact.upsert(LAYOUT, ROWS);
    }

    @AfterAll
    static void dropRows() {
        if (exact != null) {
            try {
                exact.drop(LAYOUT);
            } finally {
                exact.close();
                viaIndex.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenAMetric_whenNear_thenTheKBestRowsWithTheMetricsScores(Metric metric) {
        List<Hit> hits = exact.execute(LAYOUT, near(null, null, 5, metric));

        assertThat(hits).extracting(Hit::objectId).containsExactlyElementsOf(reference(null, null, 5, metric));
        for (Hit hit : hits) {
            assertThat(hit.score()).isEqualTo(Similarity.score(metric, vector(hit.objectId()), QUERY));
        }
    }

    @Test
    void givenCandidatesWithoutTheClosestRows_whenNear_thenTheKClosestCandidates() {
        List<String> closest = reference(null, null, 8, Metric.COSINE);
        Set<String> candidates = new HashSet<>();
        for (Map<String, Object> row : ROWS) {
            candidates.add((String) row.get("object_id"));
        }
        closest.subList(0, 5).forEach(candidates::remove);

        List<Hit> hits = exact.execute(LAYOUT, near(null, candidates, 3, Metric.COSINE));

        assertThat(hits).extracting(Hit::objectId).containsExactlyElementsOf(closest.subList(5, 8));
    }

    @Test
    void givenAFilterNextToTheVectorThatExcludesTheClosestRows_whenNear_thenTheKClosestEligibleRows() {
        Expr filter = new Expr.Leaf("qty", Op.GTE, 30L);

        List<Hit> hits = exact.execute(LAYOUT, near(filter, null, 4, Metric.DOT));

        assertThat(reference(null, null, 4, Metric.DOT)).as("the unfiltered top 4 has ineligible rows")
                .anySatisfy(id -> assertThat((Long) row(id).get("qty")).isLessThan(30L));
        assertThat(hits).extracting(Hit::objectId).containsExactlyElementsOf(reference(filter, null, 4, Metric.DOT));
    }

    @Test
    void givenANegatedRangeTheServerCannotWrite_whenNear_thenStillTheKClosestEligibleRows() {
        Expr filter = new Expr.Not(new Expr.Leaf("qty", Op.LT, 20L));

        List<Hit> hits = exact.execute(LAYOUT, near(filter, Set.of("n05", "n25", "n30", "n40", "n45", "n49"), 3,
                Metric.L2));

        assertThat(hits).extracting(Hit::objectId).containsExactlyElementsOf(reference(filter,
                Set.of("n05", "n25", "n30", "n40", "n45", "n49"), 3, Metric.L2));
    }

    @Test
    void givenTopKLargerThanTheEligibleRows_whenNear_thenEveryEligibleRowThatHasAVector() {
        List<Hit> hits = exact.execute(LAYOUT, near(null, null, 1000, Metric.COSINE));

        assertThat(hits).hasSize(ROWS.size() - 2).extracting(Hit::objectId).doesNotContain("novec1", "novec2");
    }

    @Test
    void givenTheHnswPath_whenNearWithFilterAndCandidates_thenTheSameRowsAndScoresAsTheExactPath() {
        Expr filter = new Expr.Leaf("qty", Op.NE, 12L);
        Set<String> candidates = Set.of("n01", "n02", "n03", "n12", "n20", "n33", "n44", "novec1");

        for (Fragment fragment : List.of(near(null, null, 7, Metric.COSINE), near(filter, candidates, 3, Metric.COSINE),
                near(new Expr.Not(new Expr.Leaf("qty", Op.LTE, 40L)), null, 5, Metric.COSINE))) {
            List<Hit> approximate = viaIndex.execute(LAYOUT, fragment);

            assertThat(approximate).as("%s", fragment).containsExactlyElementsOf(exact.execute(LAYOUT, fragment));
        }
    }

    @Test
    void givenAFilterLeavingFewerRowsThanTheExactLimit_whenNearOnALargerCollection_thenExactOverThoseRows() {
        Map<String, Object> config = new HashMap<>(ChromaTestServer.config());
        config.put("prefix", prefix);
        config.put("exact-near-limit", 5);
        Expr filter = new Expr.Leaf("qty", Op.IN, List.of(3L, 9L, 27L, 40L));
        try (Backend smallLimit = new ChromaProvider().open(new BackendConfig("vec", config))) {
            List<Hit> hits = smallLimit.execute(LAYOUT, near(filter, null, 2, Metric.COSINE));

            assertThat(hits).extracting(Hit::objectId).containsExactlyElementsOf(reference(filter, null, 2,
                    Metric.COSINE));
        }
    }

    private static Fragment near(Expr filter, Set<String> candidates, int k, Metric metric) {
        return new Fragment(filter, new NearSpec("embedding", QUERY, k, metric), candidates, List.of(), 0, null,
                Set.of());
    }

    /** The expected ids: eligible rows with a vector, by exact score descending then id. */
    private static List<String> reference(Expr filter, Set<String> candidates, int k, Metric metric) {
        List<Map<String, Object>> eligible = new ArrayList<>();
        for (Map<String, Object> row : ROWS) {
            boolean candidate = candidates == null || candidates.contains(row.get("object_id"));
            if (candidate && row.get("embedding") != null && (filter == null || Evaluator.test(filter, row))) {
                eligible.add(row);
            }
        }
        eligible.sort(Comparator.<Map<String, Object>>comparingDouble(
                row -> -Similarity.score(metric, (float[]) row.get("embedding"), QUERY))
                .thenComparing(row -> (String) row.get("object_id"), ValueOrder::compareText));
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : eligible.subList(0, Math.min(k, eligible.size()))) {
            ids.add((String) row.get("object_id"));
        }
        return ids;
    }

    private static float[] vector(String id) {
        return (float[]) row(id).get("embedding");
    }

    private static Map<String, Object> row(String id) {
        for (Map<String, Object> row : ROWS) {
            if (row.get("object_id").equals(id)) {
                return row;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static List<Map<String, Object>> rows() {
        Random random = new Random(42);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            float[] vector = new float[4];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = random.nextFloat() * 2 - 1;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("object_id", String.format("n%02d", i));
            row.put("embedding", vector);
            row.put("qty", (long) i);
            rows.add(row);
        }
        rows.add(new HashMap<>(Map.of("object_id", "novec1", "qty", 40L)));
        rows.add(new HashMap<>(Map.of("object_id", "novec2")));
        return rows;
    }
}
