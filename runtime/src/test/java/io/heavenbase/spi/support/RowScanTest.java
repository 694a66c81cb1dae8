package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.ValueOrder;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Expr;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.Op;
import io.heavenbase.Metric;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowScanTest {

    private final List<Map<String, Object>> rows = List.of(
            row("a", "tee", 5L, new float[] {1, 0}),
            row("b", "cap", 15L, new float[] {0.9f, 0.1f}),
            row("c", "bag", null, new float[] {0, 1}),
            row("d", "hat", 5L, null),
            row("e", "sock", 1L, new float[] {0.5f, 0.5f}));

    private static Map<String, Object> row(String id, String title, Long price, float[] vector) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("title", title);
        row.put("price", price);
        row.put("vec", vector);
        return row;
    }

    private static NearSpec near(int topK) {
        return new NearSpec("vec", new float[] {1, 0}, topK, Metric.COSINE);
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::objectId).toList();
    }

    @Test
    void withoutAnythingReturnsEveryRowByObjectId() {
        List<Hit> hits = RowScan.execute(rows, new Fragment(null, null, null, List.of(), 0, null, Set.of()));

        assertThat(ids(hits)).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void filterKeepsMatchingRows() {
        Expr cheap = new Expr.Leaf("price", Op.LT, 10L);

        List<Hit> hits = RowScan.execute(rows, Fragment.filter(cheap, null));

        assertThat(ids(hits)).containsExactly("a", "d", "e");
    }

    @Test
    void anIdsOnlyFragmentReturnsTheMatchingIdsWithoutColumnsAmongTheCandidates() {
        Expr cheap = new Expr.Leaf("price", Op.LT, 10L);

        List<Hit> hits = RowScan.execute(rows, Fragment.candidateIds(cheap, null));
        List<Hit> restricted = RowScan.execute(rows, Fragment.candidateIds(cheap, Set.of("e", "d", "b")));

        assertThat(ids(hits)).containsExactlyInAnyOrder("a", "d", "e");
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.columns()).isEmpty();
            assertThat(hit.score()).isNaN();
        });
        assertThat(ids(restricted)).containsExactlyInAnyOrder("d", "e");
    }

    @Test
    void anIdsOnlyFragmentCarriesNothingButAFilterAndCandidates() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Fragment(null, null, null, List.of(), 0, 5,
                Set.of(), true)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Fragment(null, near(1), null, List.of(), 0, null,
                Set.of(), true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fragment.filter(null, null).idsOnly()).isFalse();
        assertThat(new Fragment(null, null, null, List.of(), 0, null, Set.of()).idsOnly()).isFalse();
    }

    @Test
    void candidatesRestrictRows() {
        List<Hit> hits = RowScan.execute(rows, Fragment.filter(null, Set.of("e", "b", "zz")));

        assertThat(ids(hits)).containsExactly("b", "e");
    }

    @Test
    void emptyCandidatesReturnNothing() {
        assertThat(RowScan.execute(rows, Fragment.filter(null, Set.of()))).isEmpty();
    }

    @Test
    void orderSortsWithNullsLastThenObjectId() {
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("price", false)), 0, null, Set.of());

        assertThat(ids(RowScan.execute(rows, fragment))).containsExactly("e", "a", "d", "b", "c");
    }

    @Test
    void descendingOrderPutsNullsFirst() {
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("price", true)), 0, null, Set.of());

        assertThat(ids(RowScan.execute(rows, fragment))).containsExactly("c", "b", "a", "d", "e");
    }

    @Test
    void offsetAndLimitPageTheOrderedRows() {
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("price", false)), 1, 2, Set.of());

        assertThat(ids(RowScan.execute(rows, fragment))).containsExactly("a", "d");
    }

    @Test
    void offsetBeyondRowsGivesNothing() {
        Fragment fragment = new Fragment(null, null, null, List.of(), 10, null, Set.of());

        assertThat(RowScan.execute(rows, fragment)).isEmpty();
    }

    @Test
    void limitZeroGivesNothing() {
        Fragment fragment = new Fragment(null, null, null, List.of(), 0, 0, Set.of());

        assertThat(RowScan.execute(rows, fragment)).isEmpty();
    }

    @Test
    void nearRanksByScoreDescendingAndCutsTopK() {
        List<Hit> hits = RowScan.execute(rows, new Fragment(null, near(2), null, List.of(), 0, null, Set.of()));

        assertThat(ids(hits)).containsExactly("a", "b");
        assertThat(hits.get(0).score()).isEqualTo(1.0);
        assertThat(hits.get(1).score()).isLessThan(1.0);
    }

    @Test
    void nearSkipsRowsWithoutVector() {
        List<Hit> hits = RowScan.execute(rows, new Fragment(null, near(10), null, List.of(), 0, null, Set.of()));

        assertThat(ids(hits)).containsExactly("a", "b", "e", "c");
    }

    @Test
    void filterAppliesBeforeTheTopKCut() {
        Expr notTheClosest = new Expr.Leaf("price", Op.GT, 10L);

        List<Hit> hits = RowScan.execute(rows, new Fragment(notTheClosest, near(1), null, List.of(), 0, null,
                Set.of()));

        assertThat(ids(hits)).containsExactly("b");
    }

    @Test
    void candidatesApplyBeforeTheTopKCut() {
        List<Hit> hits = RowScan.execute(rows, new Fragment(null, near(1), Set.of("c"), List.of(), 0, null, Set.of()));

        assertThat(ids(hits)).containsExactly("c");
    }

    @Test
    void equalScoresTieBreakByObjectId() {
        List<Map<String, Object>> twins = List.of(row("z", "x", 1L, new float[] {1, 0}),
                row("m", "x", 1L, new float[] {2, 0}));

        List<Hit> hits = RowScan.execute(twins, new Fragment(null, near(2), null, List.of(), 0, null, Set.of()));

        assertThat(ids(hits)).containsExactly("m", "z");
    }

    @Test
    void orderReSortsTheTopKOnly() {
        Fragment fragment = new Fragment(null, near(3), null, List.of(new SortKey("title", false)), 0, null,
                Set.of());

        assertThat(ids(RowScan.execute(rows, fragment))).containsExactly("b", "e", "a");
    }

    @Test
    void orderMayNameScore() {
        Fragment fragment = new Fragment(null, near(3), null, List.of(new SortKey("score", false)), 0, null,
                Set.of());

        assertThat(ids(RowScan.execute(rows, fragment))).containsExactly("e", "b", "a");
    }

    @Test
    void hitsCarryRequestedColumnsAndScore() {
        Hit hit = RowScan.execute(rows, new Fragment(null, near(1), null, List.of(), 0, null,
                Set.of("title", "price", "score", "nope"))).get(0);

        assertThat(hit.columns()).containsEntry("title", "tee").containsEntry("price", 5L)
                .containsEntry("score", 1.0).containsEntry("nope", null).hasSize(4);
    }

    @Test
    void scoreIsNaNWithoutNear() {
        Hit hit = RowScan.execute(rows, Fragment.filter(null, Set.of("a"))).get(0);

        assertThat(hit.score()).isNaN();
        assertThat(hit.columns()).isEmpty();
    }

    @Test
    void hitColumnsAreCopies() {
        Hit hit = RowScan.execute(rows, new Fragment(null, null, Set.of("a"), List.of(), 0, null, Set.of("vec")))
                .get(0);

        ((float[]) hit.columns().get("vec"))[0] = 42f;

        assertThat(((float[]) rows.get(0).get("vec"))[0]).isEqualTo(1f);
    }

    @Test
    void inputRowsAreNotModified() {
        List<Map<String, Object>> input = new ArrayList<>(rows);

        RowScan.execute(input, new Fragment(null, near(3), null, List.of(new SortKey("price", true)), 0, null,
                Set.of()));

        assertThat(input).isEqualTo(rows);
        assertThat(input.get(0)).doesNotContainKey("score");
    }

    @Test
    void boundedTopKGivesExactlyWhatAFullSortGives() {
        java.util.Random random = new java.util.Random(7);
        Map<String, Map<String, Object>> table = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            // Few distinct vectors and prices, so equal scores and equal keys are common.
            float[] vector = i % 13 == 0 ? null : new float[] {random.nextInt(3), random.nextInt(3)};
            Map<String, Object> row = row(String.format("id%03d", 399 - i), "t", (long) random.nextInt(4), vector);
            table.put((String) row.get("object_id"), row);
        }
        List<Map<String, Object>> all = new ArrayList<>(table.values());
        List<Map<String, Object>> scored = new ArrayList<>();
        for (Map<String, Object> row : all) {
            if (row.get("vec") != null) {
                Map<String, Object> copy = new HashMap<>(row);
                copy.put("score", Similarity.score(Metric.COSINE, (float[]) row.get("vec"), new float[] {1, 0}));
                scored.add(copy);
            }
        }
        scored.sort(java.util.Comparator.<Map<String, Object>>comparingDouble(r -> (Double) r.get("score"))
                .reversed().thenComparing(r -> (String) r.get("object_id"), ValueOrder::compareText));
        List<String> expectedNear = scored.subList(0, 25).stream().map(r -> (String) r.get("object_id")).toList();
        List<Map<String, Object>> byPrice = new ArrayList<>(all);
        byPrice.sort(ValueOrder.rows(List.of(new SortKey("price", true))));
        List<String> expectedPage = byPrice.subList(10, 30).stream().map(r -> (String) r.get("object_id")).toList();

        List<Hit> near = RowScan.execute(all, new Fragment(null, near(25), null, List.of(), 0, null, Set.of()));
        List<Hit> page = RowScan.execute(table,
                new Fragment(null, null, null, List.of(new SortKey("price", true)), 10, 20, Set.of()));

        assertThat(ids(near)).containsExactlyElementsOf(expectedNear);
        assertThat(ids(page)).containsExactlyElementsOf(expectedPage);
    }

    @Test
    void rowsByIdLookUpOnlyTheCandidatesAndKeepTheFilter() {
        Map<String, Map<String, Object>> table = new java.util.LinkedHashMap<>();
        rows.forEach(row -> table.put((String) row.get("object_id"), row));
        Expr cheap = new Expr.Leaf("price", Op.LT, 10L);

        List<Hit> hits = RowScan.execute(table, Fragment.filter(cheap, Set.of("e", "b", "a", "zz")));
        List<Hit> nearHits = RowScan.execute(table,
                new Fragment(null, near(2), Set.of("c", "e", "d"), List.of(), 0, null, Set.of()));

        assertThat(ids(hits)).containsExactly("a", "e");
        assertThat(ids(nearHits)).containsExactly("e", "c");
    }
}
