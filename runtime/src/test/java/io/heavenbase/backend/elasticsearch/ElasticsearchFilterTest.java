package io.heavenbase.backend.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Every filter operator pushed down to a real server returns exactly the rows the engine's own
 * evaluator ({@link RowScan}) selects on the same data: nulls, empty strings and arrays, both float
 * zeros, code-point ordering, extreme numbers and dates before 1970.
 */
class ElasticsearchFilterTest {

    private static final EntityLayout LAYOUT = new EntityLayout("filter-rows", List.of(
            field("title", DType.SHORT_TEXT),
            field("body", DType.LONG_TEXT),
            field("ref", DType.IDENTIFIER),
            field("color", DType.categorical("red", "green", "blue")),
            field("qty", DType.INTEGER),
            field("price", DType.FLOAT),
            field("active", DType.BOOLEAN),
            field("at", DType.TIMESTAMP),
            field("day", DType.DATE),
            field("tags", DType.array(DType.SHORT_TEXT)),
            field("scores", DType.array(DType.FLOAT)),
            field("days", DType.array(DType.DATE))));
    private static final List<Map<String, Object>> ROWS = rows();
    private static ElasticsearchBackend backend;

    @BeforeAll
    static void load() {
        backend = TestBackends.open();
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
            }
        }
    }

    private static StoredField field(String name, DType dtype) {
        return new StoredField(name, dtype, Strategy.INLINE_COLUMN);
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("r01", "title", "apple pie", "body", "The quick brown fox", "ref", "a-1", "color", "red",
                "qty", 5L, "price", 2.5, "active", true, "at", at("2024-01-01T10:00:00.001Z"), "day", day("2024-01-01"),
                "tags", List.of("apple", "pie"), "scores", List.of(0.0, 1.5), "days", List.of(day("2024-01-01"))));
        rows.add(row("r02", "title", "Apple", "body", "Quick thinking, quick wins", "ref", "a-2", "color", "green",
                "qty", 10L, "price", -0.0, "active", false, "at", at("2024-02-01T00:00:00Z"), "day", day("1969-12-31"),
                "tags", List.of("apple"), "scores", List.of(-0.0), "days", List.of(day("1969-12-31"))));
        rows.add(row("r03", "title", "éclair", "body", "brown bread", "ref", "b-1", "color", "blue", "qty", -3L,
                "price", 0.0, "active", true, "at", at("1969-07-20T20:17:40Z"), "day", LocalDate.of(-44, 3, 15),
                "tags", List.of("new york", "pie"), "scores", List.of(), "days", List.of()));
        rows.add(row("r04", "title", "eclair"));
        rows.add(row("r05", "title", "😀 smile", "body", "emoji 😀 text", "ref", "c-1", "color", "red",
                "qty", Long.MIN_VALUE, "price", -1.5, "active", false, "at", at("2024-12-31T23:59:59.999Z"),
                "day", day("2024-06-30"), "tags", List.of("😀"), "scores", List.of(2.0)));
        rows.add(row("r06"));
        rows.add(row("r07", "title", "", "body", "", "ref", "c-2", "color", "green", "qty", Long.MAX_VALUE,
                "price", 1.0e300, "tags", List.of(""), "scores", List.of(-1.0e-300)));
        rows.add(row("r08", "title", "Zebra", "body", "ZEBRA crossing", "qty", 0L, "price", 9.99, "active", true,
                "day", day("2024-01-01"), "tags", List.of("zebra", "Zebra")));
        rows.add(row("r09", "title", "zebra", "qty", 5L, "price", 2.5, "active", true, "color", "blue"));
        rows.add(row("r10", "title", "\uFFFD replacement", "body", "the lazy dog", "qty", 7L, "price", 0.1,
                "at", at("2024-02-01T00:00:00Z")));
        return rows;
    }

    static Stream<Arguments> filters() {
        List<Expr> exprs = new ArrayList<>();
        for (Object value : List.of("apple pie", "Apple", "", "éclair", "zebra")) {
            exprs.add(leaf("title", Op.EQ, value));
            exprs.add(leaf("title", Op.NE, value));
        }
        for (Op op : List.of(Op.LT, Op.LTE, Op.GT, Op.GTE)) {
            exprs.add(leaf("title", op, "apple"));
            exprs.add(leaf("title", op, "éclair"));
            exprs.add(leaf("title", op, "\uFFFD"));
            exprs.add(leaf("title", op, "😀"));
            exprs.add(leaf("title", op, ""));
            exprs.add(leaf("color", op, "green"));
            exprs.add(leaf("ref", op, "b-1"));
            exprs.add(leaf("qty", op, 5L));
            exprs.add(leaf("qty", op, Long.MIN_VALUE));
            exprs.add(leaf("qty", op, Long.MAX_VALUE));
            exprs.add(leaf("price", op, 0.0));
            exprs.add(leaf("price", op, -0.0));
            exprs.add(leaf("price", op, 2.5));
            exprs.add(leaf("at", op, at("2024-02-01T00:00:00Z")));
            exprs.add(leaf("at", op, at("1970-01-01T00:00:00Z")));
            exprs.add(leaf("day", op, day("1970-01-01")));
            exprs.add(leaf("day", op, LocalDate.of(-44, 3, 15)));
        }
        for (Object[] eq : new Object[][] {{"ref", "a-1"}, {"color", "red"}, {"qty", 5L}, {"qty", Long.MIN_VALUE},
                {"price", 2.5}, {"price", 0.0}, {"price", -0.0}, {"price", 1.0e300}, {"active", true},
                {"active", false}, {"at", at("1969-07-20T20:17:40Z")}, {"day", day("2024-01-01")}}) {
            exprs.add(leaf((String) eq[0], Op.EQ, eq[1]));
            exprs.add(leaf((String) eq[0], Op.NE, eq[1]));
        }
        exprs.add(leaf("title", Op.IN, List.of("apple pie", "Apple", "missing")));
        exprs.add(leaf("title", Op.NIN, List.of("apple pie", "Apple", "missing")));
        exprs.add(leaf("title", Op.IN, List.of()));
        exprs.add(leaf("title", Op.NIN, List.of()));
        exprs.add(leaf("qty", Op.IN, List.of(5L, 10L, Long.MAX_VALUE)));
        exprs.add(leaf("qty", Op.NIN, List.of(5L, 10L)));
        exprs.add(leaf("price", Op.IN, List.of(0.0, 9.99)));
        exprs.add(leaf("price", Op.NIN, List.of(-0.0)));
        exprs.add(leaf("price", Op.IN, List.of(-0.0)));
        exprs.add(leaf("active", Op.IN, List.of(false)));
        exprs.add(leaf("active", Op.NIN, List.of(true)));
        exprs.add(leaf("color", Op.IN, List.of("red", "blue")));
        exprs.add(leaf("at", Op.IN, List.of(at("2024-02-01T00:00:00Z"))));
        exprs.add(leaf("day", Op.NIN, List.of(day("2024-01-01"), LocalDate.of(-44, 3, 15))));
        for (StoredField field : LAYOUT.fields()) {
            exprs.add(leaf(field.name(), Op.NULL, true));
            exprs.add(leaf(field.name(), Op.NULL, false));
        }
        for (String query : List.of("apple", "APPLE", "pie apple", "quick", "QUICK brown", "brown fox quick", "",
                "!!!", "😀", "emoji", "éclair", "eclair", "the", "crossing zebra", "missing")) {
            exprs.add(leaf("title", Op.MATCH, query));
            exprs.add(leaf("body", Op.MATCH, query));
        }
        exprs.add(leaf("tags", Op.ARRAY_CONTAINS, "apple"));
        exprs.add(leaf("tags", Op.ARRAY_CONTAINS, "Apple"));
        exprs.add(leaf("tags", Op.ARRAY_CONTAINS, "new york"));
        exprs.add(leaf("tags", Op.ARRAY_CONTAINS, ""));
        exprs.add(leaf("tags", Op.ARRAY_CONTAINS, "😀"));
        exprs.add(leaf("scores", Op.ARRAY_CONTAINS, 0.0));
        exprs.add(leaf("scores", Op.ARRAY_CONTAINS, -0.0));
        exprs.add(leaf("scores", Op.ARRAY_CONTAINS, 1.5));
        exprs.add(leaf("days", Op.ARRAY_CONTAINS, day("1969-12-31")));
        exprs.add(new Expr.Not(leaf("qty", Op.EQ, 5L)));
        exprs.add(new Expr.Not(leaf("title", Op.NE, "apple pie")));
        exprs.add(new Expr.Not(leaf("price", Op.GT, 0.0)));
        exprs.add(new Expr.Not(leaf("body", Op.MATCH, "quick")));
        exprs.add(new Expr.Not(leaf("tags", Op.ARRAY_CONTAINS, "pie")));
        exprs.add(new Expr.Not(leaf("color", Op.NIN, List.of("red"))));
        exprs.add(new Expr.Not(leaf("active", Op.NULL, true)));
        exprs.add(new Expr.And(List.of()));
        exprs.add(new Expr.Or(List.of()));
        exprs.add(new Expr.Not(new Expr.And(List.of())));
        exprs.add(new Expr.Not(new Expr.Or(List.of())));
        exprs.add(new Expr.And(List.of(leaf("qty", Op.GTE, 0L), new Expr.Not(leaf("color", Op.IN, List.of("red"))))));
        exprs.add(new Expr.Or(List.of(leaf("active", Op.EQ, true), leaf("price", Op.NULL, true))));
        exprs.add(new Expr.Or(List.of(leaf("tags", Op.ARRAY_CONTAINS, "pie"),
                new Expr.Not(leaf("body", Op.MATCH, "quick")))));
        exprs.add(new Expr.Not(new Expr.Or(List.of(leaf("qty", Op.LT, 5L),
                new Expr.And(List.of(leaf("title", Op.GTE, "a"), leaf("active", Op.NE, true)))))));
        return exprs.stream().map(expr -> arguments(describe(expr), expr));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void givenEdgeCaseRows_whenFiltered_thenTheRowsTheEngineEvaluatorSelects(String name, Expr filter) {
        Fragment fragment = Fragment.filter(filter, null);

        List<String> actual = ids(backend.execute(LAYOUT, fragment));

        assertThat(actual).as(name).containsExactlyElementsOf(ids(RowScan.execute(ROWS, fragment)));
    }

    @Test
    void givenBothFloatZeros_whenEqualToZero_thenBothMatch() {
        assertThat(ids(backend.execute(LAYOUT, Fragment.filter(leaf("price", Op.EQ, 0.0), null))))
                .containsExactly("r02", "r03");
    }

    @Test
    void givenNullValues_whenNotEqual_thenRowsWithoutTheFieldAreIncluded() {
        assertThat(ids(backend.execute(LAYOUT, Fragment.filter(leaf("active", Op.NE, true), null))))
                .containsExactly("r02", "r04", "r05", "r06", "r07", "r10");
    }

    @Test
    void givenCandidates_whenFiltered_thenOnlyCandidatesThatMatch() {
        Fragment fragment = Fragment.filter(leaf("qty", Op.GTE, 5L), Set.of("r01", "r03", "r06", "r07"));

        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactly("r01", "r07");
    }

    @Test
    void givenNoCandidates_whenFiltered_thenNothing() {
        assertThat(backend.execute(LAYOUT, Fragment.filter(null, Set.of()))).isEmpty();
    }

    @Test
    void givenNoFilter_whenExecuted_thenEveryRowInObjectIdOrder() {
        assertThat(ids(backend.execute(LAYOUT, Fragment.filter(null, null)))).containsExactly("r01", "r02", "r03",
                "r04", "r05", "r06", "r07", "r08", "r09", "r10");
    }

    @Test
    void givenRequestedColumns_whenFiltered_thenHitsCarryTheirValuesAndNaNScores() {
        Fragment fragment = new Fragment(leaf("ref", Op.EQ, "a-1"), null, null, List.of(), 0, null,
                Set.of("title", "at", "tags", "score"));

        Hit hit = backend.execute(LAYOUT, fragment).get(0);

        assertThat(hit.objectId()).isEqualTo("r01");
        assertThat(hit.score()).isNaN();
        assertThat(hit.columns()).containsEntry("title", "apple pie").containsEntry("at", at("2024-01-01T10:00:00.001Z"))
                .containsEntry("tags", List.of("apple", "pie")).containsEntry("score", null);
    }

    private static Expr.Leaf leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }

    private static String describe(Expr expr) {
        if (expr instanceof Expr.Leaf) {
            Expr.Leaf leaf = (Expr.Leaf) expr;
            return leaf.field() + " " + leaf.op().id() + " " + leaf.value();
        }
        if (expr instanceof Expr.Not) {
            return "not(" + describe(((Expr.Not) expr).child()) + ")";
        }
        List<Expr> children = expr instanceof Expr.And ? ((Expr.And) expr).children() : ((Expr.Or) expr).children();
        List<String> parts = new ArrayList<>();
        children.forEach(child -> parts.add(describe(child)));
        return (expr instanceof Expr.And ? "and" : "or") + parts;
    }

    static List<String> ids(List<Hit> hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.objectId()));
        return ids;
    }

    static Map<String, Object> row(String id, Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
