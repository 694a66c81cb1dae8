package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ACTIVE;
import static io.heavenbase.conformance.ConformanceEntity.CREATED;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.ID;
import static io.heavenbase.conformance.ConformanceEntity.NAME;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.SIZES;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.at;
import static io.heavenbase.conformance.ConformanceRows.row;
import static io.heavenbase.conformance.ConformanceRows.vec;
import static io.heavenbase.conformance.ConformanceRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import io.heavenbase.Row;
import io.heavenbase.schema.ObjectIds;
import io.heavenbase.spi.EntityLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes and point reads: round trips of every type, upsert, set, delete, count and derived ids. */
public interface WriteConformance extends ConformanceContext {

    @Test
    default void givenRowOfEveryType_whenUpsertAndGet_thenEveryValueRoundTripsExactly() {
        Map<String, Object> row = ConformanceRows.everyType("all-types");

        String id = ws().upsert(item(), row);

        assertThat(id).isEqualTo("all-types");
        assertStoredExactly(row);
    }

    @Test
    default void givenGetResult_whenReadWithTypedGetters_thenCanonicalJavaTypes() {
        ws().upsert(item(), ConformanceRows.everyType("typed"));

        Row row = stored("typed");

        assertThat(row.id()).isEqualTo("typed");
        assertThat(row.get(QTY)).isInstanceOf(Long.class);
        assertThat(row.get(PRICE)).isInstanceOf(Double.class);
        assertThat(row.get(ACTIVE)).isInstanceOf(Boolean.class);
        assertThat(row.get(CREATED)).isInstanceOf(Instant.class);
        assertThat(row.get(ConformanceEntity.DAY)).isInstanceOf(LocalDate.class);
        assertThat(row.get(EMBEDDING)).isInstanceOf(float[].class);
        assertThat(row.get(ConformanceEntity.BLOB)).isInstanceOf(byte[].class);
        assertThat(row.getList(SIZES)).allMatch(v -> v instanceof Long);
        assertThat(row.getList(ConformanceEntity.LINKS)).allMatch(v -> v instanceof Map);
    }

    @Test
    default void givenTimestampAsIsoStringOrEpochMillis_whenUpsert_thenGetReturnsTheInstant() {
        ws().upsert(item(), row("iso", CREATED, "2024-03-04T05:06:07.123Z"));
        ws().upsert(item(), row("millis", CREATED, 1709528767123L));

        assertThat(stored("iso").getInstant(CREATED)).isEqualTo(at("2024-03-04T05:06:07.123Z"));
        assertThat(stored("millis").getInstant(CREATED)).isEqualTo(at("2024-03-04T05:06:07.123Z"));
    }

    @Test
    default void givenValuesOfOtherJavaNumberTypes_whenUpsert_thenCanonicalValuesAreStored() {
        ws().upsert(item(), row("loose", QTY, 7, PRICE, 3, SIZES, List.of(1, 2), EMBEDDING, List.of(1, 0.5, -2),
                ConformanceEntity.SUMMARY, "s"));
        ws().upsert(item(), row("doubles", EMBEDDING, new double[] {0.25, 0.5, 1.0}));

        Row loose = stored("loose");
        assertThat(loose.get(QTY)).isEqualTo(7L);
        assertThat(loose.get(PRICE)).isEqualTo(3.0);
        assertThat(loose.getList(SIZES)).containsExactly(1L, 2L);
        assertThat(loose.getVector(EMBEDDING)).containsExactly(1f, 0.5f, -2f);
        assertThat(stored("doubles").getVector(EMBEDDING)).containsExactly(0.25f, 0.5f, 1f);
    }

    @Test
    default void givenRows_whenUpsertMany_thenAllAreStoredAndIdsComeBackInInputOrder() {
        List<Map<String, Object>> rows = ConformanceRows.fixture();

        List<String> ids = ws().upsertMany(item(), rows);

        assertThat(ids).containsExactlyElementsOf(ConformanceRows.ids(rows));
        for (Map<String, Object> row : rows) {
            assertStoredExactly(row);
        }
    }

    @Test
    default void givenExistingRow_whenUpsertAgainWithoutSomeFields_thenTheWholeRowIsReplaced() {
        Map<String, Object> original = ConformanceRows.fixtureRow("r01");
        ws().upsert(item(), original);
        Map<String, Object> replacement = row("r01", TITLE, "replaced", PRICE, 9.5);

        ws().upsert(item(), replacement);

        assertStoredExactly(replacement);
        assertThat(ws().count(item())).isEqualTo(1);
    }

    @Test
    default void givenRow_whenSetOneField_thenOnlyThatFieldChangesOnEveryBackend() {
        Map<String, Object> original = ConformanceRows.fixtureRow("r01");
        ws().upsert(item(), original);

        boolean updated = ws().set(item(), "r01", Map.of(QTY, 42));

        assertThat(updated).isTrue();
        assertStoredExactly(with(original, QTY, 42L));
    }

    @Test
    default void givenRow_whenSetFieldsOwnedByDifferentBackends_thenAllChangeAndTheRestIsKept() {
        Map<String, Object> original = ConformanceRows.fixtureRow("r02");
        ws().upsert(item(), original);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(TITLE, "patched");
        patch.put(QTY, -1);
        patch.put(EMBEDDING, vec(0, 0, 2));
        patch.put(TAGS, List.of("x", "y"));

        ws().set(item(), "r02", patch);

        Map<String, Object> expected = new LinkedHashMap<>(original);
        expected.put(TITLE, "patched");
        expected.put(QTY, -1L);
        expected.put(EMBEDDING, vec(0, 0, 2));
        expected.put(TAGS, List.of("x", "y"));
        assertStoredExactly(expected);
    }

    @Test
    default void givenRow_whenSetFieldToNull_thenOnlyThatFieldIsCleared() {
        Map<String, Object> original = ConformanceRows.fixtureRow("r03");
        ws().upsert(item(), original);
        Map<String, Object> patch = new HashMap<>();
        patch.put(PRICE, null);

        ws().set(item(), "r03", patch);

        assertStoredExactly(with(original, PRICE, null));
    }

    @Test
    default void givenNoSuchRow_whenSet_thenFalseAndNothingIsCreated() {
        loadFixture();

        boolean updated = ws().set(item(), "missing", Map.of(QTY, 1));

        assertThat(updated).isFalse();
        assertThat(ws().get(item(), "missing")).isEmpty();
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenRow_whenDelete_thenItIsGoneFromGetCountAndEveryQuery() {
        loadFixture();

        boolean deleted = ws().delete(item(), "r01");

        assertThat(deleted).isTrue();
        assertThat(ws().get(item(), "r01")).isEmpty();
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size() - 1);
        assertThat(ws().query(item()).execute().ids()).doesNotContain("r01");
        assertThat(idsWhere(Filter.eq(TITLE, "apple pie"))).containsExactly("r11");
        assertThat(idsWhere(Filter.eq(QTY, 5))).containsExactly("r05");
        assertThat(ws().query(item()).near(EMBEDDING, vec(1, 0, 0), 1).execute().ids()).containsExactly("r02");
    }

    @Test
    default void givenDeletedRow_whenAskingEachBackendThatHoldsParts_thenNoneHasIt() {
        loadFixture();

        ws().delete(item(), "r05");

        for (String backend : hostingBackends()) {
            assertThat(ws().backends().get(backend).ids(new EntityLayout(ID, List.of())))
                    .as("ids on backend %s", backend).doesNotContain("r05").contains("r06");
        }
    }

    @Test
    default void givenNoSuchRow_whenDelete_thenFalseAndNothingChanges() {
        loadFixture();

        boolean deleted = ws().delete(item(), "missing");

        assertThat(deleted).isFalse();
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenNoRows_whenCount_thenZero() {
        assertThat(ws().count(item())).isZero();
    }

    @Test
    default void givenRowsUpsertedSeveralTimes_whenCount_thenEachIdCountsOnce() {
        loadFixture();
        loadFixture();
        ws().upsert(item(), row("extra", TITLE, "extra"));

        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size() + 1);
        assertThat(ws().query(item()).count()).isEqualTo(ConformanceRows.FIXTURE_IDS.size() + 1);
    }

    @Test
    default void givenNameWithoutObjectId_whenUpsert_thenIdIsDerivedFromEntityAndName() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(NAME, "Widget 😀");
        row.put(QTY, 1);

        String id = ws().upsert(item(), row);

        assertThat(id).isEqualTo(ObjectIds.fromName(ID, "Widget 😀"));
        assertThat(stored(id).getString(NAME)).isEqualTo("Widget 😀");
    }

    @Test
    default void givenSameNameTwice_whenUpsert_thenOneRowIsUpdated() {
        String first = ws().upsert(item(), Map.of(NAME, "twice", QTY, 1));

        String second = ws().upsert(item(), Map.of(NAME, "twice", QTY, 2));

        assertThat(second).isEqualTo(first);
        assertThat(ws().count(item())).isEqualTo(1);
        assertThat(stored(first).getLong(QTY)).isEqualTo(2L);
    }

    @Test
    default void givenRowsByNameInABatch_whenUpsertMany_thenIdsAreDerivedPerRow() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of(NAME, "one"));
        rows.add(Map.of(NAME, "two", ConformanceEntity.OBJECT_ID, "explicit"));

        List<String> ids = ws().upsertMany(item(), rows);

        assertThat(ids).containsExactly(ObjectIds.fromName(ID, "one"), "explicit");
    }

    @Test
    default void givenEntityByIdStringOrSchema_whenWritingAndReading_thenSameRow() {
        ws().upsert(ID, row("by-string", TITLE, "s"));

        assertThat(ws().get(item(), "by-string")).map(r -> r.getString(TITLE)).contains("s");
        assertThat(ws().get(ID, "by-string")).map(r -> r.getString(TITLE)).contains("s");
        assertThat(ws().count(ID)).isEqualTo(1);
    }
}
