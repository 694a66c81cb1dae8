package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Metric;
import io.heavenbase.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueryJsonTest {

    private static Expr filter(String json) {
        return QueryJson.parse("{\"filter\": " + json + "}").filter();
    }

    private static ValidationException rejection(String json) {
        try {
            QueryJson.parse(json);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException for " + json);
    }

    @Test
    void emptyObjectIsTheEmptyQuery() {
        assertThat(QueryJson.parse("{}")).isEqualTo(QuerySpec.empty());
    }

    @Test
    void bareValueMeansEquality() {
        assertThat(filter("{\"title\": \"x\"}")).isEqualTo(new Expr.Leaf("title", Op.EQ, "x"));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOperatorParsesToItsLeaf(Op op) {
        assertThat(filter("{\"f\": {\"$" + op.id() + "\": 1}}")).isEqualTo(new Expr.Leaf("f", op, 1));
    }

    @Test
    void listValuesStayLists() {
        assertThat(filter("{\"f\": {\"$in\": [1, \"a\"]}}")).isEqualTo(new Expr.Leaf("f", Op.IN, List.of(1, "a")));
    }

    @Test
    void severalOperatorsOnOneFieldAreAnded() {
        assertThat(filter("{\"price\": {\"$gt\": 1, \"$lt\": 5}}")).isEqualTo(new Expr.And(List.of(
                new Expr.Leaf("price", Op.GT, 1), new Expr.Leaf("price", Op.LT, 5))));
    }

    @Test
    void severalFieldsAreAnded() {
        assertThat(filter("{\"a\": 1, \"b\": {\"$null\": true}}")).isEqualTo(new Expr.And(List.of(
                new Expr.Leaf("a", Op.EQ, 1), new Expr.Leaf("b", Op.NULL, true))));
    }

    @Test
    void andOrNotNest() {
        Expr expr = filter("{\"$or\": [{\"a\": 1}, {\"$and\": [{\"b\": 2}, {\"$not\": {\"c\": 3}}]}]}");

        assertThat(expr).isEqualTo(new Expr.Or(List.of(
                new Expr.Leaf("a", Op.EQ, 1),
                new Expr.And(List.of(new Expr.Leaf("b", Op.EQ, 2), new Expr.Not(new Expr.Leaf("c", Op.EQ, 3)))))));
    }

    @Test
    void emptyAndOrStayEmpty() {
        assertThat(filter("{\"$and\": []}")).isEqualTo(new Expr.And(List.of()));
        assertThat(filter("{\"$or\": []}")).isEqualTo(new Expr.Or(List.of()));
    }

    @Test
    void emptyFilterIsNoFilter() {
        assertThat(filter("{}")).isNull();
    }

    @Test
    void nearReadsFieldVectorTopKAndMetric() {
        NearSpec near = QueryJson.parse(
                "{\"near\": {\"field\": \"emb\", \"vector\": [1, 0.5], \"top_k\": 3, \"metric\": \"l2\"}}").near();

        assertThat(near.field()).isEqualTo("emb");
        assertThat(near.vector()).containsExactly(1f, 0.5f);
        assertThat(near.topK()).isEqualTo(3);
        assertThat(near.metric()).isEqualTo(Metric.L2);
    }

    @Test
    void nearDefaultsToTopTenCosine() {
        NearSpec near = QueryJson.parse("{\"near\": {\"field\": \"emb\", \"vector\": [1]}}").near();

        assertThat(near.topK()).isEqualTo(10);
        assertThat(near.metric()).isEqualTo(Metric.COSINE);
    }

    @Test
    void orderByMinusMeansDescending() {
        QuerySpec spec = QueryJson.parse("{\"order_by\": [\"-price\", \"title\"]}");

        assertThat(spec.orderBy()).containsExactly(new SortKey("price", true), new SortKey("title", false));
    }

    @Test
    void orderByAndSelectAcceptASingleString() {
        QuerySpec spec = QueryJson.parse("{\"order_by\": \"-price\", \"select\": \"title\"}");

        assertThat(spec.orderBy()).containsExactly(new SortKey("price", true));
        assertThat(spec.select()).containsExactly("title");
    }

    @Test
    void selectLimitAndOffsetAreRead() {
        QuerySpec spec = QueryJson.parse("{\"select\": [\"title\", \"score\"], \"limit\": 5, \"offset\": 2}");

        assertThat(spec.select()).containsExactly("title", "score");
        assertThat(spec.limit()).isEqualTo(5);
        assertThat(spec.offset()).isEqualTo(2);
    }

    @Test
    void roundTripKeepsTheQuery() {
        String json = "{\"filter\": {\"title\": \"x\", \"price\": {\"$lt\": 10}, \"body\": {\"$match\": \"agent\"},"
                + " \"$or\": [{\"a\": {\"$in\": [1, 2]}}, {\"$not\": {\"b\": {\"$null\": true}}}]},"
                + " \"near\": {\"field\": \"emb\", \"vector\": [1, 0.1], \"top_k\": 3, \"metric\": \"dot\"},"
                + " \"select\": [\"title\", \"score\"], \"order_by\": [\"-price\", \"title\"], \"limit\": 10,"
                + " \"offset\": 4}";
        QuerySpec spec = QueryJson.parse(json);

        QuerySpec again = QueryJson.fromMap(QueryJson.toMap(spec));

        assertThat(again.filter()).isEqualTo(spec.filter());
        assertThat(again.near().field()).isEqualTo("emb");
        assertThat(again.near().vector()).containsExactly(1f, 0.1f);
        assertThat(again.near().topK()).isEqualTo(3);
        assertThat(again.near().metric()).isEqualTo(Metric.DOT);
        assertThat(again.select()).isEqualTo(spec.select());
        assertThat(again.orderBy()).isEqualTo(spec.orderBy());
        assertThat(again.limit()).isEqualTo(10);
        assertThat(again.offset()).isEqualTo(4);
    }

    @Test
    void toMapSpellsLeavesAndCombinatorsExplicitly() {
        QuerySpec spec = QuerySpec.empty().withFilter(new Expr.Not(new Expr.Leaf("a", Op.EQ, 1L)));

        assertThat(QueryJson.toMap(spec)).isEqualTo(Map.of("filter", Map.of("$not", Map.of("a", Map.of("$eq", 1L)))));
    }

    @Test
    void toMapWritesTimesAsIsoStrings() {
        QuerySpec spec = QuerySpec.empty()
                .withFilter(new Expr.Leaf("at", Op.GT, Instant.parse("2024-01-02T03:04:05Z")));

        assertThat(QueryJson.toMap(spec)).isEqualTo(
                Map.of("filter", Map.of("at", Map.of("$gt", "2024-01-02T03:04:05Z"))));
    }

    @Test
    void toMapOfTheEmptyQueryIsEmpty() {
        assertThat(QueryJson.toMap(QuerySpec.empty())).isEmpty();
    }

    @Test
    void fromMapReadsTheSameShape() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("filter", Map.of("tags", Map.of("$array_contains", "a")));
        json.put("limit", 3L);

        QuerySpec spec = QueryJson.fromMap(json);

        assertThat(spec.filter()).isEqualTo(new Expr.Leaf("tags", Op.ARRAY_CONTAINS, "a"));
        assertThat(spec.limit()).isEqualTo(3);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ValidationException e = rejection("{\n  \"filter\": {\"a\": }\n}");

        assertThat(e.field()).isEqualTo("json");
        assertThat(e.getMessage()).contains("line 2").contains("column");
    }

    @Test
    void trailingGarbageIsMalformed() {
        assertThat(rejection("{} {}").field()).isEqualTo("json");
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertThat(rejection("{\"limit\": 1, \"limit\": 2}").field()).isEqualTo("json");
    }

    @Test
    void nonObjectQueryIsRejected() {
        assertThat(rejection("[1]").field()).isEqualTo("json");
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> QueryJson.parse(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        ValidationException e = rejection("{\"where\": {}}");

        assertThat(e.field()).isEqualTo("where");
        assertThat(e.rule()).isEqualTo("unknown_key");
        assertThat(e.getMessage()).contains("where");
    }

    @Test
    void unknownFieldOperatorIsRejectedWithItsPath() {
        ValidationException e = rejection("{\"filter\": {\"price\": {\"$foo\": 1}}}");

        assertThat(e.field()).isEqualTo("filter.price.$foo");
        assertThat(e.rule()).isEqualTo("unknown_operator");
        assertThat(e.getMessage()).contains("$foo");
    }

    @Test
    void operatorWithoutDollarIsRejected() {
        assertThat(rejection("{\"filter\": {\"price\": {\"lt\": 1}}}").field()).isEqualTo("filter.price.lt");
    }

    @Test
    void unknownCombinatorIsRejectedWithItsPath() {
        ValidationException e = rejection("{\"filter\": {\"$nor\": []}}");

        assertThat(e.field()).isEqualTo("filter.$nor");
        assertThat(e.getMessage()).contains("$nor");
    }

    @Test
    void fieldOperatorAtTopLevelIsRejected() {
        assertThat(rejection("{\"filter\": {\"$eq\": 1}}").field()).isEqualTo("filter.$eq");
    }

    @Test
    void nestedRejectionNamesTheNestedPath() {
        ValidationException e = rejection("{\"filter\": {\"$or\": [{\"a\": 1}, {\"b\": {\"$bad\": 2}}]}}");

        assertThat(e.field()).isEqualTo("filter.$or[1].b.$bad");
    }

    @Test
    void andMustBeAList() {
        assertThat(rejection("{\"filter\": {\"$and\": {\"a\": 1}}}").field()).isEqualTo("filter.$and");
    }

    @Test
    void notMustBeAnObject() {
        assertThat(rejection("{\"filter\": {\"$not\": [1]}}").field()).isEqualTo("filter.$not");
    }

    @Test
    void emptyOperatorMapIsRejected() {
        assertThat(rejection("{\"filter\": {\"a\": {}}}").field()).isEqualTo("filter.a");
    }

    @Test
    void filterMustBeAnObject() {
        assertThat(rejection("{\"filter\": 3}").field()).isEqualTo("filter");
    }

    @Test
    void unknownNearKeyIsRejected() {
        ValidationException e = rejection("{\"near\": {\"field\": \"e\", \"vector\": [1], \"bogus\": 1}}");

        assertThat(e.field()).isEqualTo("near.bogus");
        assertThat(e.getMessage()).contains("bogus");
    }

    @Test
    void nearNeedsAField() {
        assertThat(rejection("{\"near\": {\"vector\": [1]}}").field()).isEqualTo("near.field");
    }

    @Test
    void nearVectorMustBeNumbers() {
        assertThat(rejection("{\"near\": {\"field\": \"e\", \"vector\": [1, \"x\"]}}").field())
                .isEqualTo("near.vector");
        assertThat(rejection("{\"near\": {\"field\": \"e\"}}").field()).isEqualTo("near.vector");
    }

    @Test
    void nearTopKMustBeWhole() {
        assertThat(rejection("{\"near\": {\"field\": \"e\", \"vector\": [1], \"top_k\": 1.5}}").field())
                .isEqualTo("near.top_k");
    }

    @Test
    void unknownMetricIsRejected() {
        assertThat(rejection("{\"near\": {\"field\": \"e\", \"vector\": [1], \"metric\": \"manhattan\"}}").field())
                .isEqualTo("near.metric");
    }

    @Test
    void nearMustBeAnObject() {
        assertThat(rejection("{\"near\": [1]}").field()).isEqualTo("near");
    }

    @Test
    void selectItemsMustBeNames() {
        assertThat(rejection("{\"select\": [\"a\", 2]}").field()).isEqualTo("select[1]");
        assertThat(rejection("{\"select\": 3}").field()).isEqualTo("select");
    }

    @Test
    void orderByItemsMustBeNames() {
        assertThat(rejection("{\"order_by\": [\"a\", \"-\"]}").field()).isEqualTo("order_by[1]");
        assertThat(rejection("{\"order_by\": [true]}").field()).isEqualTo("order_by[0]");
    }

    @Test
    void limitAndOffsetMustBeWholeNumbers() {
        assertThat(rejection("{\"limit\": \"10\"}").field()).isEqualTo("limit");
        assertThat(rejection("{\"offset\": 2.5}").field()).isEqualTo("offset");
        assertThat(rejection("{\"limit\": 10000000000}").field()).isEqualTo("limit");
    }
}
