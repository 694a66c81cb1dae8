package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MilvusExpressionsTest {

    private final MilvusCollection collection = MilvusFixtures.collection();

    private Optional<String> compile(Expr expr) {
        return MilvusExpressions.compile(expr, collection);
    }

    private static Expr.Leaf leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }

    @Test
    void givenEq_whenCompiled_thenTheComparisonIsGuardedAgainstNull() {
        assertThat(compile(leaf("title", Op.EQ, "apple"))).contains("(title is not null and title == \"apple\")");
    }

    @Test
    void givenNe_whenCompiled_thenNullRowsMatchAsInTheEngine() {
        assertThat(compile(leaf("qty", Op.NE, 5L))).contains("(qty is null or qty != 5)");
    }

    @Test
    void givenRangeLeaves_whenCompiled_thenEachIsGuardedAgainstNull() {
        assertThat(compile(leaf("qty", Op.LT, 5L))).contains("(qty is not null and qty < 5)");
        assertThat(compile(leaf("qty", Op.LTE, 5L))).contains("(qty is not null and qty <= 5)");
        assertThat(compile(leaf("price", Op.GT, 2.5))).contains("(price is not null and price > 2.5)");
        assertThat(compile(leaf("title", Op.GTE, "b"))).contains("(title is not null and title >= \"b\")");
    }

    @Test
    void givenInAndNin_whenCompiled_thenListsAreLiteralsAndNinKeepsNullRows() {
        assertThat(compile(leaf("color", Op.IN, List.of("red", "blue"))))
                .contains("(color is not null and color in [\"red\", \"blue\"])");
        assertThat(compile(leaf("qty", Op.NIN, List.of(1L, 2L)))).contains("(qty is null or qty not in [1, 2])");
    }

    @Test
    void givenEmptyInAndNin_whenCompiled_thenConstantFalseAndTrueOnTheKey() {
        assertThat(compile(leaf("qty", Op.IN, List.of()))).contains("object_id < \"\"");
        assertThat(compile(leaf("qty", Op.NIN, List.of()))).contains("object_id >= \"\"");
    }

    @Test
    void givenBooleanInAndNin_whenCompiled_thenWrittenAsEqualities() {
        assertThat(compile(leaf("active", Op.IN, List.of(true))))
                .contains("(active is not null and (active == true))");
        assertThat(compile(leaf("active", Op.NIN, List.of(true, false))))
                .contains("(active is null or (active != true and active != false))");
    }

    @Test
    void givenNullTests_whenCompiled_thenIsNullForScalarsAndThePresenceFlagForVectors() {
        assertThat(compile(leaf("meta", Op.NULL, true))).contains("meta is null");
        assertThat(compile(leaf("tags", Op.NULL, false))).contains("tags is not null");
        assertThat(compile(leaf("embedding", Op.NULL, true))).contains("_hb_has_embedding == false");
        assertThat(compile(leaf("embedding", Op.NULL, false))).contains("_hb_has_embedding == true");
    }

    @Test
    void givenArrayContains_whenCompiled_thenTheElementIsALiteralOfTheElementType() {
        assertThat(compile(leaf("tags", Op.ARRAY_CONTAINS, "pie")))
                .contains("(tags is not null and array_contains(tags, \"pie\"))");
        assertThat(compile(leaf("sizes", Op.ARRAY_CONTAINS, 2L)))
                .contains("(sizes is not null and array_contains(sizes, 2))");
    }

    @Test
    void givenTimestampsAndDates_whenCompiled_thenEpochMillisAndEpochDays() {
        assertThat(compile(leaf("created", Op.GT, Instant.parse("2024-01-01T00:00:00.001Z"))))
                .contains("(created is not null and created > 1704067200001)");
        assertThat(compile(leaf("day", Op.EQ, LocalDate.of(1970, 1, 3)))).contains("(day is not null and day == 2)");
    }

    @Test
    void givenTheKey_whenCompared_thenNoNullGuardIsNeeded() {
        assertThat(compile(leaf("object_id", Op.EQ, "r1"))).contains("object_id == \"r1\"");
        assertThat(compile(leaf("object_id", Op.NULL, true))).contains("object_id < \"\"");
    }

    @Test
    void givenAndOrNot_whenCompiled_thenParenthesisedAndNotWrapsTheNullSafeChild() {
        Expr expr = new Expr.Or(List.of(new Expr.And(List.of(leaf("qty", Op.GT, 1L), leaf("active", Op.EQ, true))),
                new Expr.Not(leaf("title", Op.EQ, "x"))));

        assertThat(compile(expr)).contains("(((qty is not null and qty > 1) and (active is not null and active == true))"
                + " or not ((title is not null and title == \"x\")))");
    }

    @Test
    void givenEmptyAndAndOr_whenCompiled_thenConstantTrueAndFalse() {
        assertThat(compile(new Expr.And(List.of()))).contains(MilvusExpressions.TRUE);
        assertThat(compile(new Expr.Or(List.of()))).contains(MilvusExpressions.FALSE);
    }

    @Test
    void givenAHostileText_whenCompiled_thenItStaysInsideOneLiteral() {
        String hostile = "\") or (object_id != \"";

        assertThat(compile(leaf("title", Op.EQ, hostile)))
                .contains("(title is not null and title == \"\\\") or (object_id != \\\"\")");
    }

    @Test
    void givenValuesWithoutAnExactLiteral_whenCompiled_thenNothingIsCompiled() {
        assertThat(compile(leaf("qty", Op.EQ, Long.MIN_VALUE))).isEmpty();
        assertThat(compile(leaf("title", Op.EQ, "bad\uD800"))).isEmpty();
        assertThat(compile(leaf("body", Op.MATCH, "fox"))).isEmpty();
        assertThat(compile(new Expr.And(List.of(leaf("qty", Op.EQ, 1L), leaf("qty", Op.IN, List.of(Long.MIN_VALUE))))))
                .isEmpty();
    }

    @Test
    void givenAFieldNotInTheCollection_whenCompiled_thenNothingIsCompiled() {
        assertThat(compile(leaf("elsewhere", Op.EQ, "x"))).isEmpty();
    }

    @Test
    void givenIds_whenListed_thenOneEscapedInListAndFalseForNone() {
        assertThat(MilvusExpressions.idIn(List.of("a", "b\"c"))).isEqualTo("object_id in [\"a\", \"b\\\"c\"]");
        assertThat(MilvusExpressions.idIn(List.of())).isEqualTo(MilvusExpressions.FALSE);
        assertThat(MilvusExpressions.idAfter("r\\9")).isEqualTo("object_id > \"r\\\\9\"");
    }
}
