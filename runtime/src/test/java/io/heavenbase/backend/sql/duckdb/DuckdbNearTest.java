package io.heavenbase.backend.sql.duckdb;

import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.inline;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.layout;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Metric;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.query.Similarity;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code near} runs inside DuckDB and ranks and scores exactly like the engine's {@link Similarity}. */
class DuckdbNearTest {

    private static final int DIMENSION = 16;

    private final SqlBackend backend = DuckdbFixtures.memoryBackend();
    private final EntityLayout doc = layout("doc", inline("vec", "Vector[" + DIMENSION + "]"),
            inline("group", "Integer"));
    private final Random random = new Random(7);

    @AfterEach
    void close() {
        backend.close();
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenRandomVectors_whenNear_thenTheTopKAndEveryScoreAreBitIdenticalToTheEngines(Metric metric) {
        List<Map<String, Object>> rows = randomRows(500);
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(rows));

        for (int q = 0; q < 20; q++) {
            Fragment fragment = new Fragment(null, new NearSpec("vec", randomVector(), 25, metric), null, List.of(), 0,
                    null, Set.of());

            List<Hit> expected = RowScan.execute(rows, fragment);
            List<Hit> actual = backend.execute(doc, fragment);

            assertThat(actual).extracting(Hit::objectId).containsExactlyElementsOf(
                    expected.stream().map(Hit::objectId).toList());
            assertThat(actual).extracting(Hit::score).containsExactlyElementsOf(
                    expected.stream().map(Hit::score).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void givenZeroVectors_whenNear_thenTheyScoreLikeTheEngine(Metric metric) {
        float[] zero = new float[DIMENSION];
        float[] one = new float[DIMENSION];
        one[3] = 1f;
        List<Map<String, Object>> rows = List.of(row(doc, "zero", "vec", zero), row(doc, "one", "vec", one),
                row(doc, "none"));
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(rows));

        for (float[] query : List.of(zero, one)) {
            Fragment fragment = new Fragment(null, new NearSpec("vec", query, 5, metric), null, List.of(), 0, null,
                    Set.of());

            assertThat(backend.execute(doc, fragment)).extracting(Hit::objectId, Hit::score)
                    .containsExactlyElementsOf(RowScan.execute(rows, fragment).stream()
                            .map(hit -> org.assertj.core.groups.Tuple.tuple(hit.objectId(), hit.score())).toList());
        }
    }

    @Test
    void givenAFilter_whenNear_thenEligibleRowsAreRankedEvenWhenIneligibleOnesAreCloser() {
        List<Map<String, Object>> rows = randomRows(300);
        backend.ensure(doc);
        backend.upsert(doc, new ArrayList<>(rows));
        Fragment fragment = new Fragment(new Expr.Leaf("group", Op.EQ, 3L),
                new NearSpec("vec", randomVector(), 10, Metric.COSINE), null, List.of(), 0, null, Set.of("group"));

        List<Hit> hits = backend.execute(doc, fragment);

        assertThat(hits).hasSize(10).allSatisfy(hit -> assertThat(hit.columns()).containsEntry("group", 3L));
        assertThat(hits).extracting(Hit::objectId)
                .containsExactlyElementsOf(RowScan.execute(rows, fragment).stream().map(Hit::objectId).toList());
    }

    private List<Map<String, Object>> randomRows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(doc, String.format("r%04d", i), "vec", randomVector(), "group", (long) (i % 5)));
        }
        return rows;
    }

    private float[] randomVector() {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
