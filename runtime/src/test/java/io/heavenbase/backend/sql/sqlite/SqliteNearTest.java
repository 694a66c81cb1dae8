package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.vectorIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Metric;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.SortKey;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.RowScan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Native {@code near} through the {@code hb_similarity} function: filters before the cut, exact scores. */
class SqliteNearTest {

    private static final float[] QUERY = {1f, 0f};

    private final SqlBackend backend = SqliteFixtures.memoryBackend();
    private final EntityLayout docs = layout("docs", inline("vec", "Vector[2]"), vectorIndex("idx", 2),
            inline("kind", "ShortText"), inline("rank", "Integer"));
    private List<Map<String, Object>> rows;

    @BeforeEach
    void givenDocuments() {
        rows = List.of(
                row(docs, "close-b", "vec", new float[] {1f, 0.01f}, "idx", new float[] {1f, 0.01f}, "kind", "b",
                        "rank", 1),
                row(docs, "closer-b", "vec", new float[] {1f, 0f}, "idx", new float[] {1f, 0f}, "kind", "b",
                        "rank", 2),
                row(docs, "mid-a", "vec", new float[] {1f, 1f}, "idx", new float[] {1f, 1f}, "kind", "a", "rank", 3),
                row(docs, "far-a", "vec", new float[] {-1f, 1f}, "idx", new float[] {-1f, 1f}, "kind", "a",
                        "rank", 4),
                row(docs, "twin-x", "vec", new float[] {0f, 1f}, "idx", new float[] {0f, 1f}, "kind", "a", "rank", 5),
                row(docs, "twin-w", "vec", new float[] {0f, 1f}, "idx", new float[] {0f, 1f}, "kind", "a", "rank", 5),
                row(docs, "no-vector", "kind", "a", "rank", 0));
        backend.ensure(docs);
        backend.upsert(docs, rows);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private static Fragment near(String field, int topK, Metric metric, Expr filter, Set<String> candidates) {
        return new Fragment(filter, new NearSpec(field, QUERY, topK, metric), candidates, List.of(), 0, null,
                Set.of("score", "kind"));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void ranksByTheEngineScoreHigherIsCloserWithObjectIdTieBreak(Metric metric) {
        List<Hit> hits = backend.execute(docs, near("vec", 10, metric, null, null));

        assertThat(hits).extracting(Hit::objectId).containsExactlyElementsOf(
                RowScan.execute(rows, near("vec", 10, metric, null, null)).stream().map(Hit::objectId).toList());
        for (Hit hit : hits) {
            float[] stored = (float[]) rows.stream().filter(r -> r.get("object_id").equals(hit.objectId())).findFirst()
                    .orElseThrow().get("vec");
            assertThat(hit.score()).isEqualTo(Similarity.score(metric, stored, QUERY));
            assertThat(hit.columns()).containsEntry("score", hit.score());
        }
        assertThat(hits).extracting(Hit::objectId).doesNotContain("no-vector");
    }

    @Test
    void theFilterRestrictsCandidatesBeforeTheTopKCut() {
        Expr onlyA = new Expr.Leaf("kind", Op.EQ, "a");

        List<Hit> hits = backend.execute(docs, near("vec", 2, Metric.COSINE, onlyA, null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("mid-a", "twin-w");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.columns()).containsEntry("kind", "a"));
    }

    @Test
    void candidatesRestrictBeforeTheTopKCut() {
        List<Hit> hits = backend.execute(docs, near("idx", 1, Metric.L2, null, Set.of("far-a", "mid-a", "no-vector")));

        assertThat(hits).extracting(Hit::objectId).containsExactly("mid-a");
    }

    @Test
    void anOrderReSortsTheTopKWhichOffsetAndLimitThenPage() {
        Fragment fragment = new Fragment(null, new NearSpec("vec", QUERY, 4, Metric.COSINE), null,
                List.of(new SortKey("rank", true)), 1, 2, Set.of("rank"));

        List<Hit> hits = backend.execute(docs, fragment);

        assertThat(hits).extracting(Hit::objectId).containsExactly("mid-a", "closer-b");
        assertThat(hits).extracting(Hit::objectId)
                .containsExactlyElementsOf(RowScan.execute(rows, fragment).stream().map(Hit::objectId).toList());
    }

    @Test
    void aZeroTopKFindsNothing() {
        assertThat(backend.execute(docs, near("vec", 0, Metric.DOT, null, null))).isEmpty();
    }
}
