package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.META;
import static io.heavenbase.conformance.ConformanceEntity.OBJECT_ID;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ReferenceModel.compareValues;
import static io.heavenbase.conformance.ReferenceModel.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.heavenbase.Filter;
import io.heavenbase.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile and extreme input (issue 12): deep, wide and huge filters, deep and cyclic values, ids at
 * the length limit and text no store can hold. Every call answers like {@link ReferenceModel} or
 * fails with a {@link ValidationException} naming what is wrong, never with another throwable,
 * and within a time bound.
 */
public interface HostileInputConformance extends ConformanceContext {

    /** Far above what any of these queries needs; a hang or an exponential plan exceeds it. */
    Duration BOUND = Duration.ofSeconds(30);

    private <T> T bounded(Supplier<T> call) {
        return assertTimeoutPreemptively(BOUND, call::get);
    }

    private List<String> sortedIds(Filter filter) {
        return sorted(bounded(() -> idsWhere(filter)));
    }

    private static List<String> sorted(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.sort(ReferenceModel::compareText);
        return out;
    }

    private static boolean qtyAbove(Map<String, Object> row, long bound) {
        return row.get(QTY) != null && compareValues(row.get(QTY), bound) > 0;
    }

    @Test
    default void givenNotNested10000Deep_whenQuery_thenAnswersLikeTheInnerFilter() {
        List<Map<String, Object>> rows = loadFixture();
        Filter even = Filter.gt(QTY, 4);
        Filter odd = Filter.gt(QTY, 4);
        for (int i = 0; i < 10_000; i++) {
            even = Filter.not(even);
        }
        for (int i = 0; i < 10_001; i++) {
            odd = Filter.not(odd);
        }

        assertThat(sortedIds(even)).containsExactlyElementsOf(expected(rows, r -> qtyAbove(r, 4)));
        assertThat(sortedIds(odd)).containsExactlyElementsOf(expected(rows, r -> !qtyAbove(r, 4)));
    }

    @Test
    default void givenAndChainOf1500_whenQuery_thenAnswersQuicklyLikeTheFlatFilter() {
        List<Map<String, Object>> rows = loadFixture();
        Filter chain = Filter.gt(QTY, -1000);
        for (int i = 0; i < 1_500; i++) {
            chain = chain.and(Filter.ne(TITLE, "t" + i));
        }
        Filter filter = chain;

        List<String> ids = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> sorted(idsWhere(filter)));

        assertThat(ids).containsExactlyElementsOf(expected(rows, r -> qtyAbove(r, -1000)));
    }

    @Test
    default void givenOrOf5000Parts_whenQuery_thenAnswersLikeTheReference() {
        List<Map<String, Object>> rows = loadFixture();
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            parts.add(Filter.eq(QTY, i * 5));
        }

        List<String> ids = sortedIds(Filter.or(parts.toArray(Filter[]::new)));

        assertThat(ids).containsExactlyElementsOf(expected(rows,
                r -> r.get(QTY) != null && (Long) r.get(QTY) >= 0 && (Long) r.get(QTY) % 5 == 0));
    }

    @Test
    default void givenJsonOrOf300EqualityItems_whenQueryJson_thenAnswersLikeTheReference() {
        List<Map<String, Object>> rows = loadFixture();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(Map.of(QTY, i));
        }

        List<String> ids = sorted(bounded(() -> idsWhereJson(Map.of("$or", items))));

        assertThat(ids).containsExactlyElementsOf(expected(rows,
                r -> r.get(QTY) != null && (Long) r.get(QTY) >= 0 && (Long) r.get(QTY) < 300));
    }

    @Test
    default void givenJsonNotNested50Deep_whenQueryJson_thenAnswersLikeTheReference() {
        List<Map<String, Object>> rows = loadFixture();
        Map<String, Object> filter = Map.of(QTY, Map.of("$gt", 4));
        for (int i = 0; i < 51; i++) {
            filter = Map.of("$not", filter);
        }
        Map<String, Object> query = filter;

        List<String> ids = sorted(bounded(() -> idsWhereJson(query)));

        assertThat(ids).containsExactlyElementsOf(expected(rows, r -> !qtyAbove(r, 4)));
    }

    @Test
    default void givenJsonMapNested10000Deep_whenQueryJson_thenValidationExceptionNamingTheFilter() {
        loadFixture();
        Map<String, Object> filter = Map.of(QTY, 5);
        for (int i = 0; i < 10_000; i++) {
            filter = Map.of("$not", filter);
        }
        Map<String, Object> query = filter;

        assertThatThrownBy(() -> bounded(() -> idsWhereJson(query))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("nested").extracting(e -> ((ValidationException) e).field()).isEqualTo("filter");
    }

    @Test
    default void givenFilterSharingSubtrees_whenItWouldExpandExponentially_thenValidationException() {
        loadFixture();
        Filter doubling = Filter.eq(QTY, 1);
        for (int i = 0; i < 40; i++) {
            doubling = doubling.or(doubling);
        }
        Filter filter = doubling;

        assertThatThrownBy(() -> bounded(() -> idsWhere(filter))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("more than");
    }

    @Test
    default void givenInAndNinWith70001Values_whenQuery_thenAnswersOnFieldsAndObjectId() {
        List<Map<String, Object>> rows = loadFixture();
        List<Long> numbers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < 70_001; i++) {
            numbers.add(i * 2);
            ids.add(i == 70_000 ? "r03" : "x" + i);
        }

        assertThat(sortedIds(Filter.in(QTY, numbers))).containsExactlyElementsOf(expected(rows,
                r -> r.get(QTY) != null && (Long) r.get(QTY) >= 0 && (Long) r.get(QTY) % 2 == 0));
        assertThat(sortedIds(Filter.notIn(QTY, numbers))).containsExactlyElementsOf(expected(rows,
                r -> r.get(QTY) == null || (Long) r.get(QTY) < 0 || (Long) r.get(QTY) % 2 != 0));
        assertThat(sortedIds(Filter.in(OBJECT_ID, ids))).containsExactly("r03");
        assertThat(sortedIds(Filter.notIn(OBJECT_ID, ids))).hasSize(rows.size() - 1).doesNotContain("r03");
    }

    @Test
    default void givenObjectIdEqualityAndIn_whenQuery_thenAnswers() {
        loadFixture();

        assertThat(sortedIds(Filter.eq(OBJECT_ID, "r05"))).containsExactly("r05");
        assertThat(sortedIds(Filter.in(OBJECT_ID, "r07", "r01", "nope"))).containsExactly("r01", "r07");
        assertThat(sortedIds(Filter.and(Filter.in(OBJECT_ID, "r07", "r01"), Filter.gt(QTY, 3))))
                .containsExactly("r01");
    }

    @Test
    default void givenNullInList_whenQuery_thenValidationExceptionNamingTheOperator() {
        loadFixture();

        assertThatThrownBy(() -> ws().query(item()).where(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Filter.not(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Filter.or(Filter.eq(QTY, 1), null)).isInstanceOf(ValidationException.class);

        assertThatThrownBy(() -> idsWhere(Filter.in(QTY, (Collection<?>) null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("filter.qty.$in");
        assertThatThrownBy(() -> idsWhere(Filter.notIn(QTY, (Collection<?>) null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("filter.qty.$nin");
    }

    @Test
    default void givenLoneSurrogateOrNulInATextBound_whenQuery_thenValidationExceptionOnEveryBackend() {
        loadFixture();

        for (String bad : List.of("\uD800", "a\u0000", "\uDC00x")) {
            assertThatThrownBy(() -> idsWhere(Filter.lt(TITLE, bad))).as("lt %s", bad)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("filter.title.$lt");
            assertThatThrownBy(() -> idsWhere(Filter.eq(TITLE, bad))).as("eq %s", bad)
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> idsWhere(Filter.in(OBJECT_ID, "r01", bad))).as("in %s", bad)
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ws().get(item(), bad)).as("get %s", bad).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ws().delete(item(), bad)).as("delete %s", bad)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenIdOf40Emoji_whenUpsert_thenGetAndDeleteFindIt() {
        String id = "😀".repeat(40);
        ws().upsert(item(), ConformanceRows.row(id, TITLE, "emoji id"));

        assertThat(ws().get(item(), id)).isPresent().get().extracting(row -> row.get(TITLE)).isEqualTo("emoji id");
        assertThat(sortedIds(Filter.eq(OBJECT_ID, id))).containsExactly(id);
        assertThat(ws().delete(item(), id)).isTrue();
        assertThat(ws().get(item(), id)).isEmpty();
        assertThatThrownBy(() -> ws().get(item(), "😀".repeat(64))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("63");
    }

    @Test
    default void givenJsonValueNested10000DeepOrCyclic_whenUpsert_thenValidationExceptionAndNothingStored() {
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> inner = deep;
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("k", next);
            inner = next;
        }
        Map<String, Object> first = new HashMap<>();
        Map<String, Object> second = new HashMap<>();
        first.put("other", second);
        second.put("other", first);

        for (Object value : List.of(deep, first)) {
            assertThatThrownBy(() -> ws().upsert(item(), ConformanceRows.row("j1", META, value)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("meta");
        }
        assertThat(ws().get(item(), "j1")).isEmpty();
    }

    @Test
    default void givenDeepCombinationsOfOrAndNot_whenQuery_thenAnswersLikeTheReference() {
        List<Map<String, Object>> rows = loadFixture();
        Filter filter = Filter.eq(QTY, 5);
        for (int i = 0; i < 60; i++) {
            filter = Filter.not(Filter.or(Filter.not(filter), Filter.eq(TITLE, "x" + i)));
        }

        assertThat(sortedIds(filter)).containsExactlyElementsOf(expected(rows, r -> same(r.get(QTY), 5L)));
    }
}
