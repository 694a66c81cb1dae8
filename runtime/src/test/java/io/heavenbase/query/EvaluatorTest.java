package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvaluatorTest {

    private final Map<String, Object> row = row();

    private static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", "p1");
        row.put("title", "Red Shoe");
        row.put("price", 10.0);
        row.put("stock", 3L);
        row.put("at", Instant.parse("2024-05-01T10:00:00Z"));
        row.put("tags", List.of("sale", "New York"));
        row.put("body", "Agents that search the web");
        row.put("missing", null);
        return row;
    }

    private boolean test(String field, Op op, Object value) {
        return Evaluator.test(new Expr.Leaf(field, op, value), row);
    }

    @Test
    void eqIsExactText() {
        assertThat(test("title", Op.EQ, "Red Shoe")).isTrue();
        assertThat(test("title", Op.EQ, "red shoe")).isFalse();
    }

    @Test
    void eqComparesNumbersAcrossTypes() {
        assertThat(test("price", Op.EQ, 10L)).isTrue();
        assertThat(test("stock", Op.EQ, 3.0)).isTrue();
    }

    @Test
    void neIsTrueForDifferentValue() {
        assertThat(test("title", Op.NE, "Blue")).isTrue();
        assertThat(test("title", Op.NE, "Red Shoe")).isFalse();
    }

    @Test
    void rangeOperatorsCompareNumerically() {
        assertThat(test("price", Op.LT, 11L)).isTrue();
        assertThat(test("price", Op.LT, 10L)).isFalse();
        assertThat(test("price", Op.LTE, 10L)).isTrue();
        assertThat(test("price", Op.GT, 9.5)).isTrue();
        assertThat(test("price", Op.GT, 10.0)).isFalse();
        assertThat(test("price", Op.GTE, 10.0)).isTrue();
    }

    @Test
    void rangeOperatorsCompareInstants() {
        assertThat(test("at", Op.GT, Instant.parse("2024-05-01T09:59:59Z"))).isTrue();
        assertThat(test("at", Op.LT, Instant.parse("2024-05-01T09:59:59Z"))).isFalse();
    }

    @Test
    void rangeBetweenDifferentFamiliesIsFalse() {
        assertThat(test("title", Op.GT, 1L)).isFalse();
        assertThat(test("title", Op.LT, 1L)).isFalse();
    }

    @Test
    void inIsAnyEqual() {
        assertThat(test("stock", Op.IN, List.of(1L, 3.0))).isTrue();
        assertThat(test("stock", Op.IN, List.of(1L, 2L))).isFalse();
        assertThat(test("stock", Op.IN, List.of())).isFalse();
    }

    @Test
    void ninIsNoneEqual() {
        assertThat(test("stock", Op.NIN, List.of(1L, 2L))).isTrue();
        assertThat(test("stock", Op.NIN, List.of(3L))).isFalse();
    }

    @Test
    void nullTrueHoldsOnlyForNullOrAbsent() {
        assertThat(test("missing", Op.NULL, true)).isTrue();
        assertThat(test("absent", Op.NULL, true)).isTrue();
        assertThat(test("title", Op.NULL, true)).isFalse();
    }

    @Test
    void nullFalseHoldsOnlyForValues() {
        assertThat(test("title", Op.NULL, false)).isTrue();
        assertThat(test("missing", Op.NULL, false)).isFalse();
    }

    @Test
    void matchNeedsEveryWord() {
        assertThat(test("body", Op.MATCH, "web AGENTS")).isTrue();
        assertThat(test("body", Op.MATCH, "web robots")).isFalse();
    }

    @Test
    void arrayContainsNeedsAnEqualElement() {
        assertThat(test("tags", Op.ARRAY_CONTAINS, "sale")).isTrue();
        assertThat(test("tags", Op.ARRAY_CONTAINS, "Sale")).isFalse();
    }

    @Test
    void arrayContainsComparesNumbersNumerically() {
        row.put("sizes", List.of(40L, 42L));
        assertThat(test("sizes", Op.ARRAY_CONTAINS, 42.0)).isTrue();
    }

    @Test
    void arrayContainsIgnoresNullElements() {
        row.put("sizes", Arrays.asList(null, 42L));
        assertThat(test("sizes", Op.ARRAY_CONTAINS, 41L)).isFalse();
        assertThat(test("sizes", Op.ARRAY_CONTAINS, 42L)).isTrue();
    }

    @Test
    void containedInNeedsAnElementInsideTheText() {
        assertThat(test("tags", Op.CONTAINED_IN, "flights to new york today")).isTrue();
        assertThat(test("tags", Op.CONTAINED_IN, "york new")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"EQ", "LT", "LTE", "GT", "GTE"})
    void comparisonOnNullIsFalse(Op op) {
        assertThat(test("missing", op, 1L)).isFalse();
        assertThat(test("absent", op, 1L)).isFalse();
    }

    @Test
    void inMatchArrayContainsAndContainedInOnNullAreFalse() {
        assertThat(test("missing", Op.IN, List.of(1L))).isFalse();
        assertThat(test("missing", Op.MATCH, "x")).isFalse();
        assertThat(test("missing", Op.ARRAY_CONTAINS, "x")).isFalse();
        assertThat(test("missing", Op.CONTAINED_IN, "x")).isFalse();
    }

    @Test
    void neAndNinOnNullAreTrue() {
        assertThat(test("missing", Op.NE, 1L)).isTrue();
        assertThat(test("absent", Op.NIN, List.of(1L))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void notIsTheExactComplementOnNull(Op op) {
        Object value = op == Op.NULL ? Boolean.TRUE : op == Op.IN || op == Op.NIN ? List.of("x") : "x";
        Expr leaf = new Expr.Leaf("missing", op, value);

        assertThat(Evaluator.test(new Expr.Not(leaf), row)).isEqualTo(!Evaluator.test(leaf, row));
    }

    @Test
    void notOfComparisonOnNullIsTrue() {
        assertThat(Evaluator.test(new Expr.Not(new Expr.Leaf("missing", Op.EQ, 1L)), row)).isTrue();
    }

    @Test
    void andNeedsEveryChild() {
        Expr yes = new Expr.Leaf("stock", Op.EQ, 3L);
        Expr no = new Expr.Leaf("stock", Op.EQ, 4L);

        assertThat(Evaluator.test(new Expr.And(List.of(yes, yes)), row)).isTrue();
        assertThat(Evaluator.test(new Expr.And(List.of(yes, no)), row)).isFalse();
    }

    @Test
    void orNeedsOneChild() {
        Expr yes = new Expr.Leaf("stock", Op.EQ, 3L);
        Expr no = new Expr.Leaf("stock", Op.EQ, 4L);

        assertThat(Evaluator.test(new Expr.Or(List.of(no, yes)), row)).isTrue();
        assertThat(Evaluator.test(new Expr.Or(List.of(no, no)), row)).isFalse();
    }

    @Test
    void emptyAndIsTrueAndEmptyOrIsFalse() {
        assertThat(Evaluator.test(new Expr.And(List.of()), row)).isTrue();
        assertThat(Evaluator.test(new Expr.Or(List.of()), row)).isFalse();
    }

    @Test
    void nestedTreeCombinesAcrossFields() {
        Expr expr = new Expr.And(List.of(
                new Expr.Or(List.of(new Expr.Leaf("title", Op.EQ, "nope"), new Expr.Leaf("price", Op.LT, 20L))),
                new Expr.Not(new Expr.Leaf("tags", Op.ARRAY_CONTAINS, "old"))));

        assertThat(Evaluator.test(expr, row)).isTrue();
    }
}
