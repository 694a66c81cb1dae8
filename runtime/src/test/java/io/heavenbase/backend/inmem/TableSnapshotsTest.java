package io.heavenbase.backend.inmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Metric;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.VectorColumn;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableSnapshotsTest {

    private final EntityLayout layout = new EntityLayout("doc", List.of(
            new StoredField("kind", DType.IDENTIFIER, Strategy.INLINE_COLUMN),
            new StoredField("emb", DType.vector(2), Strategy.VECTOR_INDEX)));
    private final InMemBackend backend = (InMemBackend) new InMemProvider()
            .open(new BackendConfig("vec", Map.of("type", "inmem")));

    @AfterEach
    void close() {
        backend.close();
    }

    private static Map<String, Object> row(String id, String kind, float[] emb) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("kind", kind);
        if (emb != null) {
            row.put("emb", emb);
        }
        return row;
    }

    private List<String> nearest(Expr filter, Set<String> candidates, int topK) {
        NearSpec near = new NearSpec("emb", new float[] {1, 0}, topK, Metric.COSINE);
        List<Hit> hits = backend.execute(layout, new Fragment(filter, near, candidates, List.of(), 0, null,
                Set.of("score")));
        return hits.stream().map(Hit::objectId).toList();
    }

    @Test
    void aSnapshotIsKeptUntilTheNextWriteAndEveryWriteIsSeen() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(row("a", "x", new float[] {1, 0}), row("b", "y", new float[] {0, 1}),
                row("c", "x", new float[] {1, 1}), row("d", "x", null)));

        assertThat(nearest(null, null, 10)).containsExactly("a", "c", "b");
        assertThat(backend.snapshots(layout).holds("emb")).isTrue();

        backend.upsert(layout, List.of(row("e", "y", new float[] {1, 0.01f}), row("a", "x", null)));
        assertThat(backend.snapshots(layout).holds("emb")).isFalse();
        assertThat(nearest(null, null, 10)).containsExactly("e", "c", "b");

        backend.delete(layout, List.of("e"));
        assertThat(nearest(null, null, 10)).containsExactly("c", "b");

        backend.drop(layout);
        backend.ensure(layout);
        assertThat(nearest(null, null, 10)).isEmpty();
    }

    @Test
    void filtersCandidatesAndTiesGiveTheSameHitsAsARowScan() {
        backend.ensure(layout);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Only four distinct directions: many exact ties, broken by object_id.
            rows.add(row(String.format("r%02d", 39 - i), i % 3 == 0 ? "x" : "y", new float[] {i % 4, 1}));
        }
        backend.upsert(layout, rows);
        Expr kindX = new Expr.Leaf("kind", Op.EQ, "x");
        Set<String> few = Set.of("r01", "r05", "r07", "r30", "missing");

        for (int topK : new int[] {1, 3, 7, 50}) {
            for (Expr filter : new Expr[] {null, kindX}) {
                for (Set<String> candidates : List.of(few, Set.<String>of())) {
                    Fragment fragment = new Fragment(filter, new NearSpec("emb", new float[] {1, 0}, topK,
                            Metric.COSINE), candidates.isEmpty() ? null : candidates, List.of(), 0, null, Set.of());
                    List<Hit> expected = io.heavenbase.spi.support.RowScan.execute(rows, fragment);
                    List<Hit> actual = io.heavenbase.spi.support.RowScan.nearest(VectorColumn.of(rows, "emb"), fragment);
                    assertThat(actual).as("topK %s filter %s candidates %s", topK, filter, candidates)
                            .isEqualTo(expected);
                    assertThat(backend.execute(layout, fragment)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void noSnapshotIsPublishedOrUsedWhileAWriteRuns() {
        TableSnapshots columns = new TableSnapshots();
        List<Map<String, Object>> rows = new ArrayList<>(List.of(row("a", "x", new float[] {1, 0})));
        AtomicReference<VectorColumn> during = new AtomicReference<>();

        columns.write(() -> during.set(columns.column("emb", () -> rows)));

        assertThat(during.get()).isNull();
        assertThat(columns.holds("emb")).isFalse();
        VectorColumn first = columns.column("emb", () -> rows);
        assertThat(first.size()).isEqualTo(1);
        assertThat(columns.column("emb", () -> rows)).isSameAs(first);
        columns.write(() -> rows.add(row("b", "x", new float[] {0, 1})));
        assertThat(columns.column("emb", () -> rows).size()).isEqualTo(2);
    }
}
