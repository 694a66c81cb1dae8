package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.REF;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Filter;
import io.heavenbase.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The value semantics users of other stores expect (issue 12, items 10-14): UUID values for text
 * and Identifier fields, numeric comparison of Integer fields with fractional values, Java floats
 * taken as the decimal they print as, the case-sensitive {@code contains} operator, and delete by
 * filter. Checked against plain Java over the fixture, on every layout.
 */
public interface ValueSemanticsConformance extends ConformanceContext {

    private List<String> sortedIds(Filter filter) {
        List<String> ids = new ArrayList<>(idsWhere(filter));
        ids.sort(ReferenceModel::compareText);
        return ids;
    }

    private static boolean qty(Map<String, Object> row, Predicate<Long> test) {
        return row.get(QTY) != null && test.test((Long) row.get(QTY));
    }

    @Test
    default void givenUuidValues_whenWrittenAndFiltered_thenStoredAndMatchedAsTheirStringForm() {
        UUID ref = UUID.fromString("3f1e2d4c-5b6a-4798-8a7b-6c5d4e3f2a1b");
        UUID title = UUID.randomUUID();
        ws().upsert(item(), ConformanceRows.row("u1", REF, ref, TITLE, title));
        ws().upsert(item(), ConformanceRows.row("u2", REF, "other", TITLE, "other"));

        assertThat(stored("u1").get(REF)).isEqualTo(ref.toString());
        assertThat(stored("u1").get(TITLE)).isEqualTo(title.toString());
        assertThat(sortedIds(Filter.eq(REF, ref))).containsExactly("u1");
        assertThat(sortedIds(Filter.in(TITLE, List.of(title, "nope")))).containsExactly("u1");
        assertThat(sortedIds(Filter.ne(REF, ref))).containsExactly("u2");
        assertThat(idsWhereJson(Map.of(REF, ref.toString()))).containsExactly("u1");
    }

    @Test
    default void givenFractionalValuesOnAnIntegerField_whenCompared_thenByNumericValue() {
        List<Map<String, Object>> rows = loadFixture();

        assertThat(sortedIds(Filter.gt(QTY, 4.5))).containsExactlyElementsOf(expected(rows, r -> qty(r, q -> q > 4)));
        assertThat(sortedIds(Filter.gte(QTY, 4.5))).containsExactlyElementsOf(expected(rows, r -> qty(r, q -> q >= 5)));
        assertThat(sortedIds(Filter.lt(QTY, -2.5))).containsExactlyElementsOf(expected(rows, r -> qty(r, q -> q < -2)));
        assertThat(sortedIds(Filter.lte(QTY, -2.5))).containsExactlyElementsOf(expected(rows, r -> qty(r, q -> q <= -3)));
        assertThat(sortedIds(Filter.eq(QTY, 4.5))).isEmpty();
        assertThat(sortedIds(Filter.ne(QTY, 4.5))).containsExactlyElementsOf(ConformanceRows.FIXTURE_IDS);
        assertThat(sortedIds(Filter.in(QTY, 5.0, 5.5))).containsExactlyElementsOf(expected(rows, r -> qty(r, q -> q == 5)));
        assertThat(sortedIds(Filter.gt(QTY, 1e30))).isEmpty();
        assertThat(sortedIds(Filter.lt(QTY, 1e30))).containsExactlyElementsOf(expected(rows, r -> r.get(QTY) != null));
        assertThat(idsWhereJson(Map.of(QTY, Map.of("$gt", 41.5)))).containsExactly("r06");
    }

    @Test
    default void givenFractionalBoundThatIsAlwaysTrueOrFalse_whenNear_thenLikeNoFilterOrNothing() {
        loadFixture();
        float[] vector = {1, 0, 0};

        List<String> unfiltered = ws().query(item()).near(ConformanceEntity.EMBEDDING, vector, 3).execute().ids();

        assertThat(ws().query(item()).near(ConformanceEntity.EMBEDDING, vector, 3).where(Filter.ne(QTY, 4.5))
                .execute().ids()).containsExactlyElementsOf(unfiltered);
        assertThat(ws().query(item()).near(ConformanceEntity.EMBEDDING, vector, 3).where(Filter.eq(QTY, 4.5))
                .execute().ids()).isEmpty();
        assertThat(ws().query(item()).where(Filter.eq(QTY, 4.5)).count()).isZero();
    }

    @Test
    default void givenJavaFloat_whenStoredInAFloatField_thenItEqualsTheDecimalItPrintsAs() {
        ws().upsert(item(), ConformanceRows.row("f1", PRICE, 1.23f));
        ws().upsert(item(), ConformanceRows.row("f2", PRICE, 1.2300000190734863));

        assertThat(stored("f1").get(PRICE)).isEqualTo(1.23);
        assertThat(sortedIds(Filter.eq(PRICE, 1.23))).containsExactly("f1");
        assertThat(sortedIds(Filter.eq(PRICE, 1.23f))).containsExactly("f1");
        assertThat(sortedIds(Filter.gt(PRICE, 1.23f))).containsExactly("f2");
    }

    @Test
    default void givenContains_whenFiltered_thenCaseSensitiveSubstringInBuilderAndJson() {
        List<Map<String, Object>> rows = loadFixture();
        for (String part : List.of("pple", "Apple", "😀", " ", "zzz", "")) {
            List<String> want = expected(rows, r -> r.get(TITLE) != null && ((String) r.get(TITLE)).contains(part));

            assertThat(sortedIds(Filter.contains(TITLE, part))).as("contains %s", part).containsExactlyElementsOf(want);
            List<String> json = new ArrayList<>(idsWhereJson(Map.of(TITLE, Map.of("$contains", part))));
            json.sort(ReferenceModel::compareText);
            assertThat(json).as("$contains %s", part).containsExactlyElementsOf(want);
        }
        assertThat(sortedIds(Filter.not(Filter.contains(TITLE, "pple")))).containsExactlyElementsOf(
                expected(rows, r -> r.get(TITLE) == null || !((String) r.get(TITLE)).contains("pple")));
        assertThatThrownBy(() -> idsWhere(Filter.contains(QTY, "1"))).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("filter.qty.$contains");
    }

    @Test
    default void givenFilter_whenDeleteByFilter_thenTheMatchingRowsAreGoneEverywhereAndCounted() {
        List<Map<String, Object>> rows = loadFixture();
        List<String> doomed = expected(rows, r -> qty(r, q -> q > 5));
        List<String> red = expected(rows, r -> "red".equals(r.get(COLOR)) && !doomed.contains(r.get("object_id")));

        assertThat(ws().delete(item(), Filter.gt(QTY, 5))).isEqualTo(doomed.size());
        assertThat(ws().deleteJson(item(), "{\"filter\": {\"color\": \"red\"}}")).isEqualTo(red.size());
        assertThat(ws().deleteJson(item(), Map.of("filter", Map.of(QTY, Map.of("$gt", 1000))))).isZero();

        List<String> left = expected(rows, r -> !doomed.contains(r.get("object_id")) && !red.contains(r.get("object_id")));
        assertThat(ws().count(item())).isEqualTo(left.size());
        for (String id : doomed) {
            assertThat(ws().get(item(), id)).as(id).isEmpty();
        }
        assertThat(sortedIds(Filter.isNull(TITLE).or(Filter.isNotNull(TITLE)))).containsExactlyElementsOf(left);
        assertThat(ws().audit().consistent()).isTrue();
    }

    @Test
    default void givenNoFilterOrOtherKeys_whenDeleteByFilter_thenValidationExceptionAndNothingDeleted() {
        loadFixture();

        assertThatThrownBy(() -> ws().delete(item(), (Filter) null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ws().deleteJson(item(), "{}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("filter");
        assertThatThrownBy(() -> ws().deleteJson(item(), "{\"filter\": {\"qty\": 5}, \"limit\": 1}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> ws().deleteJson(item(), Map.of("filter", Map.of("qty", "five"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("qty");
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }
}
