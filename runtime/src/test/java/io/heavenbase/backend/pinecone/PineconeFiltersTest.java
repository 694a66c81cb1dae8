package io.heavenbase.backend.pinecone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Filters compiled into Pinecone metadata filter documents. */
class PineconeFiltersTest {

    private final PineconeFilters filters = new PineconeFilters(PineconeFixtures.JSON);
    private final PineconePart part = PineconeFixtures.part();

    private Optional<PineconeFilter> compile(Expr expr) {
        return filters.compile(expr, part);
    }

    private String json(Expr expr) {
        return compile(expr).orElseThrow().node().toString();
    }

    private static Expr.Leaf leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }

    @Test
    void givenEqOnText_whenCompiled_thenDollarEq() {
        assertThat(json(leaf("title", Op.EQ, "apple"))).isEqualTo("{\"title\":{\"$eq\":\"apple\"}}");
    }

    @Test
    void givenHostileText_whenCompiled_thenItIsOneJsonStringValue() {
        for (String hostile : List.of("\"}, \"$or\": [{}], \"x\": {\"$eq\": \"", "back\\slash", "new\nline", "😀",
                "{\"$ne\": 1}")) {
            JsonNode node = compile(leaf("title", Op.EQ, hostile)).orElseThrow().node();

            assertThat(node.size()).isEqualTo(1);
            assertThat(node.path("title").path("$eq").asText()).isEqualTo(hostile);
        }
    }

    @Test
    void givenInOnCategorical_whenCompiled_thenDollarIn() {
        assertThat(json(leaf("color", Op.IN, List.of("red", "blue"))))
                .isEqualTo("{\"color\":{\"$in\":[\"red\",\"blue\"]}}");
    }

    @Test
    void givenAnEmptyIn_whenCompiled_thenNothingMatches() {
        assertThat(compile(leaf("color", Op.IN, List.of()))).contains(PineconeFilter.NONE);
    }

    @Test
    void givenNumericRanges_whenCompiled_thenNumbersWithTimeAsEpochNumbers() {
        assertThat(json(leaf("qty", Op.LT, 5L))).isEqualTo("{\"qty\":{\"$lt\":5}}");
        assertThat(json(leaf("price", Op.GTE, 2.5))).isEqualTo("{\"price\":{\"$gte\":2.5}}");
        assertThat(json(leaf("created", Op.GT, Instant.ofEpochMilli(1500)))).isEqualTo("{\"created\":{\"$gt\":1500}}");
        assertThat(json(leaf("day", Op.LTE, LocalDate.of(1970, 1, 11)))).isEqualTo("{\"day\":{\"$lte\":10}}");
    }

    @Test
    void givenARangeOnText_whenCompiled_thenNothingIsCompiled() {
        assertThat(compile(leaf("title", Op.LT, "b"))).isEmpty();
    }

    @Test
    void givenAnIntegerBeyondFloat64Precision_whenCompiled_thenNothingIsCompiled() {
        assertThat(compile(leaf("qty", Op.EQ, (1L << 53) + 1))).isEmpty();
        assertThat(json(leaf("qty", Op.EQ, 1L << 53))).isEqualTo("{\"qty\":{\"$eq\":9007199254740992}}");
    }

    @Test
    void givenBooleans_whenCompiled_thenEqualitiesBecausePineconeInTakesNoBooleans() {
        assertThat(json(leaf("active", Op.EQ, true))).isEqualTo("{\"active\":{\"$eq\":true}}");
        assertThat(json(leaf("active", Op.IN, List.of(true, false))))
                .isEqualTo("{\"$or\":[{\"active\":{\"$eq\":true}},{\"active\":{\"$eq\":false}}]}");
    }

    @Test
    void givenArrayContains_whenCompiled_thenDollarInOnTheCanonicalElementString() {
        assertThat(json(leaf("tags", Op.ARRAY_CONTAINS, "pie"))).isEqualTo("{\"tags\":{\"$in\":[\"pie\"]}}");
        assertThat(json(leaf("sizes", Op.ARRAY_CONTAINS, -0.0))).isEqualTo("{\"sizes\":{\"$in\":[\"0.0\"]}}");
    }

    @Test
    void givenAndOr_whenCompiled_thenDollarAndDollarOr() {
        Expr expr = new Expr.Or(List.of(new Expr.And(List.of(leaf("qty", Op.GT, 1L), leaf("active", Op.EQ, true))),
                leaf("title", Op.EQ, "x")));

        assertThat(json(expr)).isEqualTo("{\"$or\":[{\"$and\":[{\"qty\":{\"$gt\":1}},{\"active\":{\"$eq\":true}}]},"
                + "{\"title\":{\"$eq\":\"x\"}}]}");
    }

    @Test
    void givenConstants_whenCombined_thenTheySimplify() {
        assertThat(compile(new Expr.And(List.of()))).contains(PineconeFilter.ALL);
        assertThat(compile(new Expr.Or(List.of()))).contains(PineconeFilter.NONE);
        assertThat(compile(new Expr.And(List.of(leaf("qty", Op.GT, 1L), leaf("color", Op.IN, List.of())))))
                .contains(PineconeFilter.NONE);
        assertThat(json(new Expr.Or(List.of(leaf("qty", Op.GT, 1L), leaf("color", Op.IN, List.of())))))
                .isEqualTo("{\"qty\":{\"$gt\":1}}");
    }

    @Test
    void givenNegationsAndNullTests_whenCompiled_thenNothingIsCompiled() {
        assertThat(compile(new Expr.Not(leaf("qty", Op.EQ, 1L)))).isEmpty();
        assertThat(compile(leaf("qty", Op.NE, 1L))).isEmpty();
        assertThat(compile(leaf("qty", Op.NIN, List.of(1L)))).isEmpty();
        assertThat(compile(leaf("qty", Op.NULL, true))).isEmpty();
        assertThat(compile(leaf("meta", Op.EQ, "x"))).isEmpty();
    }

    @Test
    void givenTheKey_whenCompared_thenItsMetadataCopyIsFiltered() {
        assertThat(json(leaf("object_id", Op.EQ, "r1"))).isEqualTo("{\"object_id\":{\"$eq\":\"r1\"}}");
        assertThat(filters.idIn(List.of("a", "b")).node().toString())
                .isEqualTo("{\"object_id\":{\"$in\":[\"a\",\"b\"]}}");
        assertThat(filters.idIn(List.of())).isEqualTo(PineconeFilter.NONE);
    }
}
