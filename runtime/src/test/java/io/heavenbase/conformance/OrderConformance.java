package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import io.heavenbase.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ordering: Unicode code point order for text, numeric order for numbers, nulls last ascending and
 * first descending, ties broken by object_id, stable paging.
 */
public interface OrderConformance extends ConformanceContext {

    @Test
    default void givenTextsFromSeveralScripts_whenOrderByText_thenUnicodeCodePointOrder() {
        ws().upsertMany(item(), List.of(row("t1", TITLE, "😀"), row("t2", TITLE, "é"), row("t3", TITLE, "z"),
                row("t4", TITLE, "\uFFFF"), row("t5", TITLE, "B"), row("t6", TITLE, "a"), row("t7")));

        List<String> ids = ws().query(item()).orderBy(TITLE).execute().ids();

        // B (U+0042) < a < z < é (U+00E9) < U+FFFF < 😀 (U+1F600, a surrogate pair in UTF-16), then null
        assertThat(ids).containsExactly("t5", "t6", "t3", "t2", "t4", "t1", "t7");
    }

    @Test
    default void givenTextsFromSeveralScripts_whenOrderByTextDescending_thenReverseCodePointOrderAfterNulls() {
        ws().upsertMany(item(), List.of(row("t1", TITLE, "😀"), row("t2", TITLE, "é"), row("t3", TITLE, "z"),
                row("t4", TITLE, "\uFFFF"), row("t5", TITLE, "B"), row("t6", TITLE, "a"), row("t7")));

        List<String> ids = ws().query(item()).orderByDesc(TITLE).execute().ids();

        assertThat(ids).containsExactly("t7", "t1", "t4", "t2", "t3", "t6", "t5");
    }

    @Test
    default void givenCaseAndAccentVariants_whenOrderByText_thenNoCollationFolding() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).orderBy(TITLE).execute().ids();

        assertThat(ids).containsExactlyElementsOf(ReferenceModel.idsOrdered(rows, ReferenceModel.by(TITLE, false)));
    }

    @Test
    default void givenNulls_whenOrderAscending_thenNullsComeLast() {
        loadFixture();

        List<String> ids = ws().query(item()).orderBy(QTY).execute().ids();

        assertThat(ids).endsWith("r04");
    }

    @Test
    default void givenNulls_whenOrderDescending_thenNullsComeFirst() {
        loadFixture();

        List<String> ids = ws().query(item()).orderByDesc(QTY).execute().ids();

        assertThat(ids).startsWith("r04");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"title", "ref", "qty", "price", "active", "color", "created", "day"})
    default void givenFixture_whenOrderByOrderableField_thenReferenceOrderBothWays(String field) {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ascending = ws().query(item()).orderBy(field).execute().ids();
        List<String> descending = ws().query(item()).orderByDesc(field).execute().ids();

        assertThat(ascending).as("ascending").containsExactlyElementsOf(
                ReferenceModel.idsOrdered(rows, ReferenceModel.by(field, false)));
        assertThat(descending).as("descending").containsExactlyElementsOf(
                ReferenceModel.idsOrdered(rows, ReferenceModel.by(field, true)));
    }

    @Test
    default void givenIntegerAndFractionalValues_whenOrderByFloat_thenNumericNotLexicalOrder() {
        ws().upsertMany(item(), List.of(row("n1", PRICE, 10.0), row("n2", PRICE, 9.5), row("n3", PRICE, -2.0),
                row("n4", PRICE, 100), row("n5", PRICE, -10.25), row("n6", PRICE, 2)));

        assertThat(ws().query(item()).orderBy(PRICE).execute().ids()).containsExactly("n5", "n3", "n6", "n2", "n1", "n4");
    }

    @Test
    default void givenIntegers_whenOrderByInteger_thenNumericNotLexicalOrder() {
        ws().upsertMany(item(), List.of(row("n1", QTY, 10), row("n2", QTY, 9), row("n3", QTY, -2),
                row("n4", QTY, 100), row("n5", QTY, -10), row("n6", QTY, Long.MAX_VALUE), row("n7", QTY, Long.MIN_VALUE)));

        assertThat(ws().query(item()).orderBy(QTY).execute().ids())
                .containsExactly("n7", "n5", "n3", "n2", "n1", "n4", "n6");
    }

    @Test
    default void givenTies_whenOrderAscending_thenTiesAreBrokenByObjectId() {
        ws().upsertMany(item(), List.of(row("c", QTY, 1), row("a", QTY, 2), row("d", QTY, 1), row("b", QTY, 1)));

        assertThat(ws().query(item()).orderBy(QTY).execute().ids()).containsExactly("b", "c", "d", "a");
    }

    @Test
    default void givenTies_whenOrderDescending_thenTiesAreStillBrokenByObjectIdAscending() {
        ws().upsertMany(item(), List.of(row("c", QTY, 1), row("a", QTY, 2), row("d", QTY, 1), row("b", QTY, 1)));

        assertThat(ws().query(item()).orderByDesc(QTY).execute().ids()).containsExactly("a", "b", "c", "d");
    }

    @Test
    default void givenTies_whenPagingWithOffsetAndLimit_thenPagesConcatenateToTheFullOrder() {
        List<Map<String, Object>> rows = loadFixture();
        List<String> full = ReferenceModel.idsOrdered(rows, ReferenceModel.by(PRICE, false));

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < rows.size(); offset += 5) {
            paged.addAll(ws().query(item()).orderBy(PRICE).offset(offset).limit(5).execute().ids());
        }

        assertThat(paged).containsExactlyElementsOf(full);
    }

    @Test
    default void givenOffsetAndLimit_whenOrdered_thenExactlyThatSliceOfTheOrder() {
        List<Map<String, Object>> rows = loadFixture();
        List<String> full = ReferenceModel.idsOrdered(rows, ReferenceModel.by(QTY, true));

        List<String> slice = ws().query(item()).orderByDesc(QTY).offset(2).limit(4).execute().ids();

        assertThat(slice).containsExactlyElementsOf(full.subList(2, 6));
    }

    @Test
    default void givenOffsetBeyondTheEnd_whenExecute_thenEmpty() {
        loadFixture();

        assertThat(ws().query(item()).orderBy(QTY).offset(100).limit(5).execute().ids()).isEmpty();
    }

    @Test
    default void givenSeveralKeysOnDifferentBackends_whenOrder_thenLexicographicOverTheKeys() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().query(item()).orderBy(COLOR).orderByDesc(QTY).orderBy(TITLE).execute().ids();

        assertThat(ids).containsExactlyElementsOf(ReferenceModel.idsOrdered(rows, ReferenceModel.by(COLOR, "-" + QTY,
                TITLE)));
    }

    @Test
    default void givenFilterOnOneBackendAndOrderOnAnother_whenPaged_thenOrderedSliceOfTheFilteredRows() {
        List<Map<String, Object>> rows = loadFixture();
        List<String> filteredOrder = rows.stream().filter(r -> r.get(COLOR) != null)
                .sorted(ReferenceModel.by(QTY, false)).map(r -> (String) r.get("object_id")).toList();

        Query query = ws().query(item()).where(Filter.isNotNull(COLOR)).orderBy(QTY).offset(1).limit(3);

        assertThat(query.execute().ids()).containsExactlyElementsOf(filteredOrder.subList(1, 4));
        assertThat(query.count()).isEqualTo(filteredOrder.size());
    }

    @Test
    default void givenJsonOrderBy_whenQueryJson_thenSameAsBuilder() {
        List<Map<String, Object>> rows = loadFixture();

        List<String> ids = ws().queryJson(item(), Map.of("order_by", List.of("-price", "title"), "offset", 1,
                "limit", 6)).ids();

        assertThat(ids).containsExactlyElementsOf(
                ReferenceModel.idsOrdered(rows, ReferenceModel.by("-" + PRICE, TITLE)).subList(1, 7));
    }
}
