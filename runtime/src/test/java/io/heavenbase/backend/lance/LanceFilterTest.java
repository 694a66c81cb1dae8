package io.heavenbase.backend.lance;

import static io.heavenbase.backend.lance.LanceFixtures.indexed;
import static io.heavenbase.backend.lance.LanceFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator the lance capability table declares native, run by Lance on rows with nulls, case
 * and accent variants, hostile text, characters outside the BMP, both zeros and extreme numbers:
 * alone, negated and inside AND/OR/NOT, with and without candidates. The ids must be exactly the
 * ones {@link Evaluator} (the engine's reference semantics) selects.
 */
class LanceFilterTest {

    private static final EntityLayout LAYOUT = new EntityLayout("filter-item", List.of(
            inline("title", "ShortText"), inline("ref", "Identifier"), inline("color", "Categorical[red,green,blue]"),
            inline("flag", "Boolean"), inline("qty", "Integer"), inline("price", "Float"),
            inline("created", "Timestamp"), inline("day", "Date"), inline("tags", "Array[ShortText]"),
            inline("sizes", "Array[Integer]"), inline("meta", "Json"), indexed("embedding", 2)));
    private static final Set<String> CANDIDATES = Set.of("r1", "r3", "r4", "r6", "r8", "unknown");
    private static final List<Map<String, Object>> ROWS = rows();

    private static Path directory;
    private static LanceBackend backend;

    @BeforeAll
    static void loadRows() {
        directory = LanceFixtures.temporaryDirectory();
        backend = LanceFixtures.open(directory);
        backend.ensure(LAYOUT);
        backend.upsert(LAYOUT, ROWS);
    }

    @AfterAll
    static void dropRows() {
        backend.close();
        LanceFixtures.removeTree(directory);
    }

    static Stream<Arguments> leaves() {
        List<Expr> leaves = List.of(
                leaf("title", Op.EQ, "Café"), leaf("title", Op.EQ, "it's"), leaf("title", Op.EQ, "back\\slash"),
                leaf("title", Op.EQ, "😀 smile"), leaf("title", Op.NE, "café"), leaf("title", Op.LT, "Caf"),
                leaf("title", Op.GT, "z"), leaf("title", Op.GTE, "\uFFFF"), leaf("title", Op.LTE, "😀"),
                leaf("title", Op.IN, List.of("Café", "it's", "nope")), leaf("title", Op.NIN, List.of("Café", "😀 smile")),
                leaf("title", Op.IN, List.of()), leaf("title", Op.NIN, List.of()), leaf("title", Op.NULL, true),
                leaf("ref", Op.EQ, "a'; --"), leaf("ref", Op.LT, "b"),
                leaf("color", Op.EQ, "red"), leaf("color", Op.NIN, List.of("red", "green")),
                leaf("flag", Op.EQ, true), leaf("flag", Op.NE, false), leaf("flag", Op.IN, List.of(false)),
                leaf("qty", Op.EQ, Long.MIN_VALUE), leaf("qty", Op.EQ, Long.MAX_VALUE), leaf("qty", Op.GT, 0L),
                leaf("qty", Op.LTE, -1L), leaf("qty", Op.NE, 5L), leaf("qty", Op.IN, List.of(5L, Long.MIN_VALUE)),
                leaf("price", Op.EQ, 0.0), leaf("price", Op.EQ, -0.0), leaf("price", Op.LT, 0.0),
                leaf("price", Op.GTE, -0.0), leaf("price", Op.GT, 0.0), leaf("price", Op.LTE, 0.0),
                leaf("price", Op.NE, 0.0), leaf("price", Op.IN, List.of(0.0, 2.5)), leaf("price", Op.NIN, List.of(-0.0)),
                leaf("price", Op.GT, 1.0E300), leaf("price", Op.LT, -4.9E-324),
                leaf("created", Op.LT, Instant.parse("1970-01-01T00:00:00Z")),
                leaf("created", Op.EQ, Instant.parse("2024-05-06T07:08:09.010Z")),
                leaf("created", Op.GTE, Instant.parse("2024-05-06T07:08:09.011Z")),
                leaf("day", Op.EQ, LocalDate.of(2024, 2, 29)), leaf("day", Op.LT, LocalDate.of(1970, 1, 1)),
                leaf("day", Op.NIN, List.of(LocalDate.of(2024, 2, 29))),
                leaf("tags", Op.ARRAY_CONTAINS, "it's"), leaf("tags", Op.ARRAY_CONTAINS, "😀"),
                leaf("tags", Op.NULL, true), leaf("sizes", Op.ARRAY_CONTAINS, 3L),
                leaf("sizes", Op.ARRAY_CONTAINS, Long.MIN_VALUE), leaf("meta", Op.NULL, false),
                leaf("embedding", Op.NULL, true));
        List<Arguments> cases = new ArrayList<>();
        for (Expr leaf : leaves) {
            cases.add(Arguments.of(leaf));
            cases.add(Arguments.of(new Expr.Not(leaf)));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void givenALeafOrItsNegation_whenExecuted_thenTheSameIdsAsTheEvaluator(Expr expr) {
        assertThat(ids(Fragment.filter(expr, null))).as("%s", expr).isEqualTo(expected(expr, null));
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void givenCandidates_whenExecuted_thenOnlyMatchingCandidates(Expr expr) {
        assertThat(ids(Fragment.filter(expr, CANDIDATES))).as("%s", expr).isEqualTo(expected(expr, CANDIDATES));
    }

    @Test
    void givenNestedAndOrNot_whenExecuted_thenTheSameIdsAsTheEvaluator() {
        Expr expr = new Expr.Or(List.of(
                new Expr.And(List.of(leaf("qty", Op.GT, 0L), new Expr.Not(leaf("title", Op.EQ, "Café")))),
                new Expr.Not(new Expr.Or(List.of(leaf("flag", Op.EQ, true), leaf("price", Op.NULL, true)))),
                new Expr.And(List.of()), new Expr.Or(List.of())));

        assertThat(ids(Fragment.filter(expr, null))).isEqualTo(expected(expr, null));
        assertThat(ids(Fragment.filter(new Expr.Or(List.of()), null))).isEmpty();
    }

    @Test
    void givenOrderOffsetAndLimit_whenExecuted_thenTextByCodePointNullsLastTiesByObjectId() {
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("title", false)), 2, 5, Set.of("title"));

        List<Hit> hits = backend.execute(LAYOUT, fragment);

        List<Map<String, Object>> sorted = new ArrayList<>(ROWS);
        sorted.sort(ValueOrder.rows(List.of(new SortKey("title", false))));
        assertThat(hits).extracting(Hit::objectId)
                .containsExactlyElementsOf(sorted.subList(2, 7).stream().map(r -> (String) r.get(Names.OBJECT_ID)).toList());
        assertThat(hits.get(0).columns()).containsKey("title");
    }

    @Test
    void givenDescendingOrder_whenExecuted_thenNullsFirstAndOutsideTheBmpAfterUffff() {
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("title", true)), 0, 4, Set.of());

        List<String> ids = backend.execute(LAYOUT, fragment).stream().map(Hit::objectId).toList();

        assertThat(ids).containsExactly("r7", "r9", "r5", "r6");
    }

    private static List<String> ids(Fragment fragment) {
        return backend.execute(LAYOUT, fragment).stream().map(Hit::objectId).sorted().toList();
    }

    private static List<String> expected(Expr expr, Set<String> candidates) {
        return ROWS.stream().filter(row -> candidates == null || candidates.contains(row.get(Names.OBJECT_ID)))
                .filter(row -> Evaluator.test(expr, row)).map(row -> (String) row.get(Names.OBJECT_ID)).sorted()
                .toList();
    }

    private static Expr leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("r1", "Café", "a'; --", "red", true, 5L, 0.0, "2024-05-06T07:08:09.010Z", "2024-02-29",
                List.of("it's", "x"), List.of(3L), Map.of("k", 1L), new float[] {1, 0}));
        rows.add(row("r2", "café", "b", "green", false, Long.MIN_VALUE, -0.0, "1969-12-31T23:59:59.999Z", "1969-12-31",
                List.of(), List.of(Long.MIN_VALUE), null, new float[] {0, 1}));
        rows.add(row("r3", "it's", "B", "blue", null, Long.MAX_VALUE, 2.5, "2024-05-06T07:08:09.011Z", "2000-01-01",
                List.of("😀"), List.of(), List.of(), null));
        rows.add(row("r4", "back\\slash", null, null, true, -1L, -2.5, null, null, null, null, "text", new float[] {1, 1}));
        rows.add(row("r5", "😀 smile", "c", "red", false, 0L, 1.0E308, "2030-01-01T00:00:00Z", "2030-01-01",
                List.of("😀 smile"), List.of(1L, 3L), null, new float[] {-1, 0}));
        rows.add(row("r6", "\uFFFF", "", "green", true, null, -4.9E-324, null, "2024-02-29", List.of("it's"), null, 3L,
                null));
        rows.add(row("r7", null, "a", "blue", null, 5L, null, "2024-05-06T07:08:09.010Z", null, null, List.of(5L),
                null, new float[] {0, 0}));
        rows.add(row("r8", "Caf", "z", "red", false, 7L, 4.9E-324, "1900-01-01T00:00:00Z", "1900-01-01",
                List.of("Caf"), List.of(3L, 3L), Map.of(), new float[] {2, 2}));
        rows.add(row("r9", null, "y", null, null, null, null, null, null, null, null, null, null));
        return rows;
    }

    private static Map<String, Object> row(String id, String title, String ref, String color, Boolean flag, Long qty,
            Double price, String created, String day, List<?> tags, List<?> sizes, Object meta, float[] embedding) {
        Map<String, Object> row = new HashMap<>();
        row.put(Names.OBJECT_ID, id);
        row.put("title", title);
        row.put("ref", "".equals(ref) ? "r" : ref);
        row.put("color", color);
        row.put("flag", flag);
        row.put("qty", qty);
        row.put("price", price);
        row.put("created", created == null ? null : Instant.parse(created));
        row.put("day", day == null ? null : LocalDate.parse(day));
        row.put("tags", tags);
        row.put("sizes", sizes);
        row.put("meta", meta);
        row.put("embedding", embedding == null ? null : Arrays.copyOf(embedding, 2));
        return row;
    }
}
