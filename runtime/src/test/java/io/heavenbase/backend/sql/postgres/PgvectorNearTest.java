package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.vectorIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Metric;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.query.Similarity;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Native {@code near} on pgvector returns exactly the engine's top k: the k best-scoring eligible rows
 * (filter and candidates applied before the cut, ineligible closer rows present), scores equal to
 * {@link Similarity#score}, ties by object_id, whatever single-precision rounding pgvector does.
 */
class PgvectorNearTest {

    private static final EntityLayout DOCS = layout("docs", inline("tag", "ShortText"), inline("n", "Integer"),
            vectorIndex("v", 8));

    private final Random random = new Random(7_351L);
    private PostgresBackends opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void givenClosestRowsIneligible_whenNearWithFilterNextToTheVector_thenTheKClosestEligibleRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row(DOCS, "close" + i, "tag", "no", "v", vector(1, 0.001f * i)));
            rows.add(row(DOCS, "far" + i, "tag", "yes", "v", vector(0.2f, 1 + 0.01f * i)));
        }
        stored(rows);
        Fragment fragment = near(new Expr.Leaf("tag", Op.EQ, "yes"), null, vector(1, 0), 5, Metric.COSINE);

        List<Hit> hits = opened.backend().execute(DOCS, fragment);

        assertThat(hits).extracting(Hit::objectId).containsExactly("far0", "far1", "far2", "far3", "far4");
        assertSameAsEngine(rows, fragment);
    }

    @Test
    void givenCandidateIds_whenNear_thenOnlyCandidatesCompeteBeforeTheCut() {
        List<Map<String, Object>> rows = randomRows(60);
        stored(rows);
        Set<String> candidates = new HashSet<>(List.of("r3", "r17", "r40", "r41", "r59", "missing"));
        Fragment fragment = near(null, candidates, randomVector(), 3, Metric.DOT);

        List<Hit> hits = opened.backend().execute(DOCS, fragment);

        assertThat(hits).hasSize(3).extracting(Hit::objectId).allMatch(candidates::contains);
        assertSameAsEngine(rows, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void givenRandomRowsFiltersAndCandidates_whenNear_thenSameIdsOrderAndScoresAsTheEngine(Metric metric) {
        List<Map<String, Object>> rows = randomRows(150);
        stored(rows);

        for (int i = 0; i < 40; i++) {
            Expr filter = random.nextInt(3) == 0 ? null : randomFilter();
            Set<String> candidates = random.nextInt(4) == 0 ? randomCandidates(rows) : null;
            float[] query = random.nextInt(10) == 0 ? new float[8] : randomVector();
            Fragment fragment = near(filter, candidates, query, 1 + random.nextInt(12), metric);

            assertSameAsEngine(rows, fragment);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void givenDistancesEqualInSinglePrecision_whenNear_thenTheDoublePrecisionOrderOfTheEngine(Metric metric) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(row(DOCS, String.format("t%03d", 119 - i), "tag", "yes", "n", i,
                    "v", vector(1000, 1e-3f * i, 0, 0, 0, 0, 0, 1e-4f * (i % 7))));
        }
        stored(rows);

        for (int k : new int[] {1, 3, 10}) {
            assertSameAsEngine(rows, near(null, null, vector(1000, 0, 0, 0, 0, 0, 0, 0), k, metric));
            assertSameAsEngine(rows, near(new Expr.Leaf("n", Op.GT, 50L), null, vector(-1000, 1, 0), k, metric));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void givenVectorsTooLargeOrSmallForSinglePrecision_whenNear_thenStillTheEngineOrder(Metric metric) {
        List<Map<String, Object>> rows = randomRows(40);
        rows.add(row(DOCS, "huge", "tag", "yes", "v", vector(3e20f, -2e20f, 1e20f)));
        rows.add(row(DOCS, "max", "tag", "yes", "v", vector(Float.MAX_VALUE, 0, -Float.MAX_VALUE)));
        rows.add(row(DOCS, "tiny", "tag", "yes", "v", vector(1e-30f, 2e-30f, 0, Float.MIN_VALUE)));
        rows.add(row(DOCS, "zero", "tag", "yes", "v", new float[8]));
        stored(rows);

        for (int i = 0; i < 10; i++) {
            assertSameAsEngine(rows, near(null, null, randomVector(), 1 + random.nextInt(50), metric));
        }
        assertSameAsEngine(rows, near(null, null, vector(1e-30f, 1e-30f), 5, metric));
        assertSameAsEngine(rows, near(null, null, vector(1e30f, -1e30f), 5, metric));
    }

    @Test
    void givenRowsWithoutVectorsAndTopKAboveEligible_whenNear_thenEveryEligibleRowWithAVector() {
        List<Map<String, Object>> rows = randomRows(20);
        rows.add(row(DOCS, "novector", "tag", "yes"));
        stored(rows);
        Fragment fragment = near(new Expr.Leaf("tag", Op.EQ, "yes"), null, randomVector(), 1000, Metric.L2);

        List<Hit> hits = opened.backend().execute(DOCS, fragment);

        assertThat(hits).extracting(Hit::objectId).doesNotContain("novector");
        assertSameAsEngine(rows, fragment);
    }

    @Test
    void givenIndexSearchForced_whenNearWithAFilter_thenKEligibleRowsFoundThroughTheHnswIndex()
            throws Exception {
        opened = PostgresBackends.open(PostgresTestServers.PGVECTOR, "exact-near-limit", 0);
        opened.backend().ensure(DOCS);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(row(DOCS, "r" + i, "tag", "t", "n", i % 100, "v", randomVector()));
        }
        opened.backend().upsert(DOCS, rows);
        long scansBefore = settledIndexScans();
        // A filter most rows pass, so that the planner prefers the index to a scan of the table.
        Fragment fragment = near(new Expr.Leaf("n", Op.GTE, 10L), null, randomVector(), 10, Metric.COSINE);

        List<Hit> hits = opened.backend().execute(DOCS, fragment);

        assertThat(settledIndexScans()).as("scans of the HNSW index").isGreaterThan(scansBefore);
        assertThat(hits).hasSize(10).extracting(Hit::objectId)
                .allMatch(id -> Integer.parseInt(id.substring(1)) % 100 >= 10);
        for (Hit hit : hits) {
            float[] stored = (float[]) rows.get(Integer.parseInt(hit.objectId().substring(1))).get("v");
            assertThat(hit.score()).isEqualTo(Similarity.score(Metric.COSINE, stored, fragment.near().vector()));
        }
        assertThat(hits).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void givenTableBelowTheExactNearLimit_whenNear_thenTheIndexIsNotUsedAndTheAnswerIsExact() throws Exception {
        List<Map<String, Object>> rows = randomRows(50);
        stored(rows);
        long scansBefore = settledIndexScans();

        assertSameAsEngine(rows, near(null, null, randomVector(), 5, Metric.COSINE));

        assertThat(settledIndexScans()).as("scans of the HNSW index").isEqualTo(scansBefore);
    }

    private void stored(List<Map<String, Object>> rows) {
        opened = PostgresBackends.open(PostgresTestServers.PGVECTOR);
        opened.backend().ensure(DOCS);
        opened.backend().upsert(DOCS, rows);
    }

    private void assertSameAsEngine(List<Map<String, Object>> rows, Fragment fragment) {
        List<Hit> expected = RowScan.execute(rows, fragment);
        List<Hit> actual = opened.backend().execute(DOCS, fragment);
        String description = fragment.near().metric() + " k=" + fragment.near().topK() + " filter="
                + fragment.filter() + " candidates=" + fragment.candidates();
        assertThat(actual).as(description).extracting(Hit::objectId)
                .containsExactlyElementsOf(expected.stream().map(Hit::objectId).toList());
        assertThat(actual).as("scores, " + description).extracting(Hit::score)
                .containsExactlyElementsOf(expected.stream().map(Hit::score).toList());
    }

    /**
     * Scans of the test schema's HNSW indexes once the server's statistics caught up: the session
     * that scanned publishes its counts at most once a second (PGlite's single session right away
     * after {@code pg_stat_force_next_flush}).
     */
    private long settledIndexScans() throws SQLException, InterruptedException {
        try (Connection connection = PostgresTestServers.PGVECTOR.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
        }
        Thread.sleep(1_500);
        try (Connection connection = PostgresTestServers.PGVECTOR.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(SUM(idx_scan), 0) FROM "
                        + "pg_stat_user_indexes WHERE schemaname = ? AND indexrelname LIKE '%hnsw'")) {
            statement.setString(1, opened.schema());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private List<Map<String, Object>> randomRows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = random.nextInt(15) == 0 && !rows.isEmpty()
                    ? ((float[]) rows.get(random.nextInt(rows.size())).get("v")).clone() : randomVector();
            rows.add(row(DOCS, "r" + i, "tag", random.nextBoolean() ? "yes" : "no", "n", random.nextInt(20), "v", v));
        }
        return rows;
    }

    private Expr randomFilter() {
        Expr tag = new Expr.Leaf("tag", Op.EQ, random.nextBoolean() ? "yes" : "no");
        Expr n = new Expr.Leaf("n", random.nextBoolean() ? Op.LT : Op.GTE, (long) random.nextInt(20));
        switch (random.nextInt(3)) {
            case 0:
                return new Expr.And(List.of(tag, n));
            case 1:
                return new Expr.Or(List.of(tag, new Expr.Not(n)));
            default:
                return n;
        }
    }

    private Set<String> randomCandidates(List<Map<String, Object>> rows) {
        Set<String> out = new HashSet<>();
        for (Map<String, Object> row : rows) {
            if (random.nextInt(3) == 0) {
                out.add((String) row.get("object_id"));
            }
        }
        return out;
    }

    private float[] randomVector() {
        float[] v = new float[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] vector(float... leading) {
        float[] v = new float[8];
        System.arraycopy(leading, 0, v, 0, leading.length);
        return v;
    }

    private static Fragment near(Expr filter, Set<String> candidates, float[] query, int k, Metric metric) {
        return new Fragment(filter, new NearSpec("v", query, k, metric), candidates, List.of(), 0, null, Set.of());
    }
}
