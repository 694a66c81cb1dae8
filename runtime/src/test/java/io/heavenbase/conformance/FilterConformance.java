package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ACTIVE;
import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ReferenceModel.compareValues;
import static io.heavenbase.conformance.ReferenceModel.same;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters: every operator in builder and JSON form, boolean combinations across backends, and
 * two-valued null semantics, all checked against {@link ReferenceModel}.
 */
public interface FilterConformance extends ConformanceContext {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.heavenbase.conformance.OperatorCases#all")
    default void givenFixture_whenFilterWithOperator_thenBuilderAndJsonSelectTheExpectedRows(OperatorCase operator) {
        List<Map<String, Object>> rows = loadFixture();
        List<String> expected = expected(rows, operator.expected());
        assertThat(expected).as("the case selects some but not all rows").isNotEmpty().hasSizeLessThan(rows.size());

        assertThat(sorted(idsWhere(operator.filter()))).as("builder").containsExactlyElementsOf(expected);
        assertThat(sorted(idsWhereJson(operator.json()))).as("json").containsExactlyElementsOf(expected);
    }

    @Test
    default void givenBareValueInJson_whenQueryJson_thenItMeansEquality() {
        loadFixture();

        assertThat(idsWhereJson(Map.of(TITLE, "apple"))).containsExactly("r09");
        assertThat(idsWhereJson(Map.of(QTY, 10))).containsExactlyInAnyOrder("r02", "r10");
    }

    @Test
    default void givenJsonText_whenQueryJson_thenSameRowsAsTheMapForm() {
        loadFixture();
        String json = "{\"filter\": {\"$or\": [{\"color\": \"red\", \"qty\": {\"$gt\": 0}},"
                + " {\"$not\": {\"title\": {\"$null\": false}}}]}}";

        List<String> fromText = ws().queryJson(item(), json).ids();

        assertThat(sorted(fromText)).containsExactly("r01", "r05", "r08");
    }

    @Test
    default void givenFiltersOnFieldsOfDifferentBackends_whenAnd_thenRowsMatchingBoth() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = idsWhere(Filter.and(Filter.gt(QTY, 0), Filter.eq(COLOR, "red")));

        assertThat(sorted(ids)).containsExactlyElementsOf(expected(rows,
                r -> gt(r.get(QTY), 0L) && same(r.get(COLOR), "red")));
    }

    @Test
    default void givenRepeatedWhere_whenExecute_thenFiltersAreAnded() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).where(Filter.gt(QTY, 0)).where(Filter.eq(COLOR, "red"))
                .where(Filter.match(BODY, "fox")).execute().ids();

        assertThat(sorted(ids)).containsExactlyElementsOf(expected(rows,
                r -> gt(r.get(QTY), 0L) && same(r.get(COLOR), "red") && ReferenceModel.matches(r.get(BODY), "fox")));
    }

    @Test
    default void givenFiltersOnFieldsOfDifferentBackends_whenOr_thenRowsMatchingEither() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = idsWhere(Filter.or(Filter.lt(PRICE, 0), Filter.arrayContains(TAGS, "york"),
                Filter.eq(TITLE, "Zebra")));

        assertThat(sorted(ids)).containsExactlyElementsOf(expected(rows,
                r -> lt(r.get(PRICE), 0.0) || ReferenceModel.contains(r.get(TAGS), "york")
                        || same(r.get(TITLE), "Zebra")));
    }

    @Test
    default void givenFilterOnAnotherBackend_whenNot_thenExactComplementIncludingNulls() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = idsWhere(Filter.not(Filter.eq(COLOR, "red")));

        assertThat(sorted(ids)).containsExactlyElementsOf(expected(rows, r -> !same(r.get(COLOR), "red")));
    }

    @Test
    default void givenNestedTreeAcrossBackends_whenFilter_thenSameAsReference() {
        List<Map<String, Object>> rows = loadFixture();
        Filter filter = Filter.or(
                Filter.and(Filter.eq(ACTIVE, true), Filter.not(Filter.match(BODY, "brown"))),
                Filter.and(Filter.not(Filter.or(Filter.isNull(TITLE), Filter.lt(QTY, 5))), Filter.in(COLOR, "green")));
        Predicate<Map<String, Object>> reference = r -> (same(r.get(ACTIVE), true)
                && !ReferenceModel.matches(r.get(BODY), "brown"))
                || (!(r.get(TITLE) == null || lt(r.get(QTY), 5L)) && same(r.get(COLOR), "green"));

        assertThat(sorted(idsWhere(filter))).containsExactlyElementsOf(expected(rows, reference));
    }

    @Test
    default void givenNestedJsonTree_whenQueryJson_thenSameRowsAsTheBuilder() {
        loadFixture();
        Filter filter = Filter.and(Filter.or(Filter.eq(COLOR, "red"), Filter.gte(QTY, 10)),
                Filter.not(Filter.arrayContains(TAGS, "pie")));
        Map<String, Object> json = Map.of("$and", List.of(
                Map.of("$or", List.of(Map.of(COLOR, "red"), Map.of(QTY, Map.of("$gte", 10)))),
                Map.of("$not", Map.of(TAGS, Map.of("$array_contains", "pie")))));

        assertThat(sorted(idsWhereJson(json))).containsExactlyElementsOf(sorted(idsWhere(filter))).isNotEmpty();
    }

    @Test
    default void givenSeveralKeysInOneJsonMap_whenQueryJson_thenTheyAreAnded() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = idsWhereJson(Map.of(COLOR, "green", QTY, Map.of("$gte", 10), PRICE, Map.of("$gt", 0)));

        assertThat(sorted(ids)).containsExactlyElementsOf(expected(rows,
                r -> same(r.get(COLOR), "green") && gte(r.get(QTY), 10L) && gt(r.get(PRICE), 0.0)));
    }

    @Test
    default void givenNullValues_whenComparisonLeaves_thenNullRowsNeverMatch() {
        loadFixture();

        assertThat(idsWhere(Filter.lt(QTY, 1000))).doesNotContain("r04");
        assertThat(idsWhere(Filter.gt(QTY, -1000))).doesNotContain("r04");
        assertThat(idsWhere(Filter.eq(COLOR, "red"))).doesNotContain("r04");
        assertThat(idsWhere(Filter.in(ACTIVE, true, false))).doesNotContain("r04");
        assertThat(idsWhere(Filter.match(BODY, "pie"))).doesNotContain("r04");
        assertThat(idsWhere(Filter.arrayContains(TAGS, "pie"))).doesNotContain("r04");
        assertThat(idsWhere(Filter.containedIn(TAGS, "pie"))).doesNotContain("r04");
    }

    @Test
    default void givenNullValues_whenNeOrNin_thenNullRowsMatch() {
        loadFixture();

        assertThat(idsWhere(Filter.ne(QTY, 5))).contains("r04");
        assertThat(idsWhere(Filter.notIn(COLOR, "red", "green", "blue"))).containsExactlyInAnyOrder("r04", "r08");
        assertThat(idsWhere(Filter.ne(ACTIVE, true))).contains("r04", "r09");
    }

    @Test
    default void givenAnyFilter_whenNot_thenResultIsTheComplementOfTheFilter() {
        loadFixture();
        List<Filter> filters = List.of(Filter.lt(QTY, 5), Filter.eq(TITLE, "apple pie"), Filter.match(BODY, "quick"),
                Filter.arrayContains(TAGS, "pie"), Filter.isNull(PRICE), Filter.in(COLOR, "red"),
                Filter.or(Filter.gt(PRICE, 5), Filter.eq(ACTIVE, false)));

        for (Filter filter : filters) {
            List<String> complement = new ArrayList<>(ConformanceRows.FIXTURE_IDS);
            complement.removeAll(idsWhere(filter));
            assertThat(sorted(idsWhere(Filter.not(filter)))).as("not(%s)", filter).containsExactlyElementsOf(complement);
        }
    }

    @Test
    default void givenDoubleNegation_whenFilter_thenSameAsThePlainFilter() {
        loadFixture();

        assertThat(sorted(idsWhere(Filter.not(Filter.not(Filter.gt(QTY, 1))))))
                .containsExactlyElementsOf(sorted(idsWhere(Filter.gt(QTY, 1))));
    }

    @Test
    default void givenFilter_whenCount_thenNumberOfMatchingRows() {
        List<Map<String, Object>> rows = loadFixture();
        Filter filter = Filter.or(Filter.eq(COLOR, "blue"), Filter.lt(QTY, 0));

        long count = ws().query(item()).where(filter).count();

        assertThat(count).isEqualTo(expected(rows, r -> same(r.get(COLOR), "blue") || lt(r.get(QTY), 0L)).size());
    }

    @Test
    default void givenFilterMatchingNothing_whenExecute_thenEmptyFrame() {
        loadFixture();

        assertThat(ws().query(item()).where(Filter.and(Filter.eq(COLOR, "red"), Filter.eq(COLOR, "blue"))).execute()
                .isEmpty()).isTrue();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted(ReferenceModel::compareText).toList();
    }

    private static boolean lt(Object value, Object bound) {
        return value != null && compareValues(value, bound) < 0;
    }

    private static boolean gt(Object value, Object bound) {
        return value != null && compareValues(value, bound) > 0;
    }

    private static boolean gte(Object value, Object bound) {
        return value != null && compareValues(value, bound) >= 0;
    }
}
