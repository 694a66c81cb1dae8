package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.OBJECT_ID;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projection and hydration: selected columns, object_id always kept, values fetched from every owner. */
public interface ProjectionConformance extends ConformanceContext {

    @Test
    default void givenSelect_whenExecute_thenColumnsAreObjectIdThenTheSelection() {
        loadFixture();

        ResultFrame frame = ws().query(item()).select(TITLE, QTY).execute();

        assertThat(frame.columns()).containsExactly(OBJECT_ID, TITLE, QTY);
        assertThat(frame.rows()).allSatisfy(row -> assertThat(row.keySet()).contains(OBJECT_ID)
                .isSubsetOf(OBJECT_ID, TITLE, QTY));
    }

    @Test
    default void givenSelectWithoutObjectId_whenExecute_thenEveryRowStillCarriesItsId() {
        loadFixture();

        ResultFrame frame = ws().query(item()).where(Filter.eq(COLOR, "red")).select(COLOR).execute();

        assertThat(frame.ids()).containsExactlyInAnyOrder("r01", "r05", "r09", "r12");
        assertThat(frame.rows()).allSatisfy(row -> assertThat(row.id()).isNotNull());
    }

    @Test
    default void givenNoSelect_whenExecute_thenEveryFieldIsAColumn() {
        loadFixture();

        ResultFrame frame = ws().query(item()).where(Filter.eq(TITLE, "cherry")).execute();

        assertThat(frame.columns().get(0)).isEqualTo(OBJECT_ID);
        assertThat(frame.columns()).containsExactlyInAnyOrderElementsOf(item().fieldNames());
        assertThat(Content.row(frame.rows().get(0))).isEqualTo(Content.row(ConformanceRows.fixtureRow("r06")));
    }

    @Test
    default void givenColumnsOwnedByDifferentBackends_whenSelected_thenValuesAreHydratedFromEachOwner() {
        List<Map<String, Object>> rows = loadFixture();

        ResultFrame frame = ws().query(item()).where(Filter.isNotNull(QTY)).select(TITLE, QTY, EMBEDDING, TAGS, COLOR)
                .orderBy(QTY).execute();

        assertThat(frame.size()).isEqualTo(rows.size() - 1);
        for (Row row : frame.rows()) {
            Map<String, Object> expected = ConformanceRows.fixtureRow(row.id());
            for (String field : List.of(TITLE, QTY, EMBEDDING, TAGS, COLOR)) {
                assertThat(Content.of(row.get(field))).as("%s of %s", field, row.id())
                        .isEqualTo(Content.of(expected.get(field)));
            }
        }
    }

    @Test
    default void givenNearWithSelectedScore_whenExecute_thenScoreIsAColumnAfterTheSelection() {
        loadFixture();

        ResultFrame frame = ws().query(item()).near(EMBEDDING, new float[] {1, 0, 0}, 2).select(TITLE, "score")
                .execute();

        assertThat(frame.columns()).containsExactly(OBJECT_ID, TITLE, "score");
        assertThat(frame.rows()).allSatisfy(row -> assertThat(row.score()).isNotNull());
        assertThat(frame.rows().get(0).getString(TITLE)).isEqualTo("apple pie");
    }

    @Test
    default void givenJsonSelect_whenQueryJson_thenSameColumnsAsTheBuilder() {
        loadFixture();

        ResultFrame frame = ws().queryJson(item(), Map.of("select", List.of(QTY, TITLE), "filter", Map.of(QTY, 10)));

        assertThat(frame.columns()).containsExactly(OBJECT_ID, QTY, TITLE);
        assertThat(frame.rows()).extracting(r -> r.getString(TITLE)).containsExactlyInAnyOrder("Apple", "Ápple");
    }
}
