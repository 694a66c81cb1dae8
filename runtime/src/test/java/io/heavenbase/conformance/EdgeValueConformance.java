package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.BLOB;
import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.CREATED;
import static io.heavenbase.conformance.ConformanceEntity.LINKS;
import static io.heavenbase.conformance.ConformanceEntity.META;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.SIZES;
import static io.heavenbase.conformance.ConformanceEntity.SUMMARY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.at;
import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values at the edges: empty values, characters that mean something to SQL, JSON or regexes,
 * integers beyond double precision, sub-millisecond timestamps, repeated ids in one batch.
 */
public interface EdgeValueConformance extends ConformanceContext {

    /** Titles that a store must treat as plain text. */
    List<String> AWKWARD_TEXTS = List.of("50%", "5_0", "%", "_", "a%c", "abc", "O'Brien", "say \"hi\"", "back\\slash",
            "tab\tand\nnewline", " padded ", "'; DROP TABLE conf_item; --", "[a-z]*", "$eq", "é", "e\u0301", "ß", "SS",
            "\u00a0nbsp");

    @Test
    default void givenEmptyValues_whenUpsertAndGet_thenTheyComeBackEmptyNotNull() {
        Map<String, Object> empty = row("empty", TITLE, "", SUMMARY, "", TAGS, List.of(), SIZES, List.of(),
                META, Map.of(), LINKS, List.of(), BLOB, new byte[0]);

        ws().upsert(item(), empty);

        assertStoredExactly(empty);
        assertThat(stored("empty").<String>getList(TAGS)).isNotNull().isEmpty();
    }

    @Test
    default void givenEmptyString_whenFilter_thenItIsAValueDistinctFromNull() {
        ws().upsertMany(item(), List.of(row("blank", TITLE, ""), row("none")));

        assertThat(idsWhere(Filter.eq(TITLE, ""))).containsExactly("blank");
        assertThat(idsWhere(Filter.isNull(TITLE))).containsExactly("none");
        assertThat(ws().query(item()).orderBy(TITLE).execute().ids()).containsExactly("blank", "none");
    }

    @Test
    default void givenTextsWithSqlWildcardsQuotesAndControlCharacters_whenEq_thenOnlyTheExactText() {
        List<Map<String, Object>> rows = awkwardRows();
        ws().upsertMany(item(), rows);

        for (Map<String, Object> row : rows) {
            String title = (String) row.get(TITLE);
            assertThat(idsWhere(Filter.eq(TITLE, title))).as("eq %s", title).containsExactly((String) row.get("object_id"));
            assertThat(idsWhereJson(Map.of(TITLE, title))).as("json eq %s", title)
                    .containsExactly((String) row.get("object_id"));
        }
        assertStoredExactly(rows.get(11));
    }

    @Test
    default void givenAwkwardTexts_whenOrderAndRangeFilter_thenCodePointOrder() {
        List<Map<String, Object>> rows = awkwardRows();
        ws().upsertMany(item(), rows);

        assertThat(ws().query(item()).orderBy(TITLE).execute().ids())
                .containsExactlyElementsOf(ReferenceModel.idsOrdered(rows, ReferenceModel.by(TITLE, false)));
        assertThat(ws().query(item()).where(Filter.lt(TITLE, "a")).orderBy(TITLE).execute().ids())
                .containsExactlyElementsOf(ReferenceModel.idsOrdered(
                        rows.stream().filter(r -> ReferenceModel.compareText((String) r.get(TITLE), "a") < 0).toList(),
                        ReferenceModel.by(TITLE, false)));
    }

    @Test
    default void givenArrayElementsWithWildcards_whenArrayContains_thenOnlyTheExactElement() {
        ws().upsertMany(item(), List.of(row("w1", TAGS, List.of("50%", "a_b")), row("w2", TAGS, List.of("500", "aXb")),
                row("w3", TAGS, List.of("%"))));

        assertThat(idsWhere(Filter.arrayContains(TAGS, "50%"))).containsExactly("w1");
        assertThat(idsWhere(Filter.arrayContains(TAGS, "a_b"))).containsExactly("w1");
        assertThat(idsWhere(Filter.arrayContains(TAGS, "%"))).containsExactly("w3");
        assertThat(idsWhere(Filter.arrayContains(TAGS, "5%"))).isEmpty();
    }

    @Test
    default void givenMatchQueryWithoutWords_whenFilter_thenNothingMatches() {
        loadFixture();

        assertThat(idsWhere(Filter.match(BODY, "%"))).isEmpty();
        assertThat(idsWhere(Filter.match(BODY, "!!! ..."))).isEmpty();
    }

    @Test
    default void givenMatchWithWildcardCharacters_whenFilter_thenTheyAreWordSeparatorsNotPatterns() {
        ws().upsertMany(item(), List.of(row("m1", BODY, "a_b"), row("m2", BODY, "axb"), row("m3", BODY, "a b")));

        assertThat(idsWhere(Filter.match(BODY, "a_b"))).containsExactlyInAnyOrder("m1", "m3");
        assertThat(idsWhere(Filter.match(BODY, "a%"))).containsExactlyInAnyOrder("m1", "m3");
    }

    @Test
    default void givenIntegersBeyondDoublePrecision_whenFilterAndOrder_thenExact() {
        long big = 1L << 53;
        ws().upsertMany(item(), List.of(row("max", QTY, Long.MAX_VALUE), row("max-1", QTY, Long.MAX_VALUE - 1),
                row("big", QTY, big), row("big+1", QTY, big + 1)));

        assertThat(idsWhere(Filter.eq(QTY, Long.MAX_VALUE))).containsExactly("max");
        assertThat(idsWhere(Filter.eq(QTY, big + 1))).containsExactly("big+1");
        assertThat(idsWhere(Filter.gt(QTY, big))).containsExactlyInAnyOrder("big+1", "max-1", "max");
        assertThat(ws().query(item()).orderByDesc(QTY).execute().ids()).containsExactly("max", "max-1", "big+1", "big");
        assertThat(stored("max-1").getLong(QTY)).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    default void givenTimestampWithNanoseconds_whenUpsert_thenStoredAtMillisecondPrecisionAndFilterable() {
        Instant precise = Instant.parse("2024-05-06T07:08:09.123456789Z");
        ws().upsert(item(), row("precise", CREATED, precise));

        assertThat(stored("precise").getInstant(CREATED)).isEqualTo(at("2024-05-06T07:08:09.123Z"));
        assertThat(idsWhere(Filter.eq(CREATED, at("2024-05-06T07:08:09.123Z")))).containsExactly("precise");
        assertThat(idsWhere(Filter.gt(CREATED, at("2024-05-06T07:08:09.122Z")))).containsExactly("precise");
        assertThat(idsWhere(Filter.lt(CREATED, at("2024-05-06T07:08:09.124Z")))).containsExactly("precise");
    }

    @Test
    default void givenSameIdTwiceInOneBatch_whenUpsertMany_thenTheLastRowWins() {
        ws().upsertMany(item(), List.of(row("dup", TITLE, "first", QTY, 1), row("dup", TITLE, "second")));

        assertThat(ws().count(item())).isEqualTo(1);
        assertStoredExactly(row("dup", TITLE, "second"));
    }

    @Test
    default void givenEmptyBatch_whenUpsertMany_thenNothingIsWritten() {
        loadFixture();

        List<String> ids = ws().upsertMany(item(), new ArrayList<Map<String, Object>>());

        assertThat(ids).isEmpty();
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenLimitZero_whenExecute_thenEmptyFrameButCountIgnoresIt() {
        loadFixture();

        assertThat(ws().query(item()).orderBy(QTY).limit(0).execute().isEmpty()).isTrue();
        assertThat(ws().query(item()).limit(0).count()).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenIdFromAnotherEntityOrNowhere_whenGet_thenEmpty() {
        loadFixture();

        assertThat(ws().get(item(), "R01")).isEmpty();
        assertThat(ws().get(item(), "r01 ")).isEmpty();
    }

    private static List<Map<String, Object>> awkwardRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < AWKWARD_TEXTS.size(); i++) {
            rows.add(row(String.format("x%02d", i), TITLE, AWKWARD_TEXTS.get(i)));
        }
        return rows;
    }
}
