package io.heavenbase.backend.sql.duckdb;

import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.inline;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.layout;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.row;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.rows;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every logical type is read back from DuckDB as exactly the canonical Java value that was written. */
class DuckdbTypesTest {

    private final SqlBackend backend = DuckdbFixtures.memoryBackend();
    private final EntityLayout everything = layout("everything",
            inline("ident", "Identifier[author]"), inline("short", "ShortText"), inline("medium", "MediumText"),
            inline("long", "LongText"), inline("count", "Integer"), inline("ratio", "Float"),
            inline("flag", "Boolean"), inline("status", "Categorical[draft,published]"),
            inline("at", "Timestamp"), inline("day", "Date"), inline("tags", "Array"),
            inline("numbers", "Array[Integer]"), inline("days", "Array[Date]"), inline("flags", "Array[Boolean]"),
            inline("stamps", "Array[Timestamp]"), inline("ratios", "Array[Float]"), side("labels", "Array"),
            side("sideDays", "Array[Date]"), inline("vec", "Vector[3]"), inline("meta", "Json"),
            inline("facts", "HyperG"), side("edges", "HyperG[target:Identifier[term],weight:Float,since:Date]"),
            inline("blob", "Artifact"));

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void givenEveryTypeWithValues_whenFetched_thenTheCanonicalValuesComeBack() {
        Map<String, Object> written = full();

        assertSameValues(roundTrip(written), written);
    }

    @Test
    void givenEveryTypeWithValuesInABatchLargeEnoughForTheAppender_whenFetched_thenTheCanonicalValuesComeBack() {
        Map<String, Object> written = full();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(row(everything, "filler-" + i, "short", "f" + i));
        }
        batch.add(written);
        backend.ensure(everything);

        backend.upsert(everything, batch);

        List<String> fields = everything.fields().stream().map(StoredField::name).toList();
        assertSameValues(backend.fetch(everything, List.of("full"), fields).get("full"), written);
        assertThat(backend.count(everything)).isEqualTo(101);
    }

    private Map<String, Object> full() {
        return row(everything, "full",
                "ident", "a-1", "short", "short 😀", "medium", "m".repeat(4095), "long", "x".repeat(60_000),
                "count", Long.MIN_VALUE, "ratio", -1.5e-300, "flag", true, "status", "published",
                "at", Instant.parse("1969-12-31T23:59:59.999Z"), "day", LocalDate.of(-44, 3, 15),
                "tags", List.of("b", "a", "b", ""), "numbers", List.of(Long.MAX_VALUE, -1L),
                "days", List.of(LocalDate.of(1582, 10, 10), LocalDate.of(99_999, 1, 1)),
                "flags", List.of(false, true), "stamps", List.of(Instant.EPOCH, Instant.parse("2024-02-29T12:00:00.123Z")),
                "ratios", List.of(0.1, -2.5), "labels", List.of("z", "y"),
                "sideDays", List.of(LocalDate.of(2024, 2, 29)),
                "vec", new float[] {1.5f, -2f, Float.MIN_VALUE},
                "meta", Map.of("z", List.of(1, 2.5, "three"), "a", Map.of("nested", true)),
                "facts", List.of(Map.of("slot", "s", "value", "v", "topic", "t")),
                "edges", List.of(Map.of("target", "t-1", "weight", 0.25, "since", "2020-01-01")),
                "blob", new byte[] {0, -1, 39, 92});
    }

    @Test
    void givenNegativeZero_whenFetched_thenAScalarKeepsItAndListElementsAndVectorComponentsReadAsZero() {
        Map<String, Object> read = roundTrip(row(everything, "zero", "ratio", -0.0, "ratios", List.of(-0.0),
                "vec", new float[] {-0f, 1f, 0f}));

        assertThat(read.get("ratio")).isEqualTo(-0.0);
        assertThat(read.get("ratios")).isEqualTo(List.of(0.0));
        assertThat((float[]) read.get("vec")).containsExactly(0f, 1f, 0f);
    }

    @Test
    void givenNullsAndEmptyLists_whenFetched_thenNullAndEmptyStayDistinct() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("object_id", "sparse");
        for (StoredField field : everything.fields()) {
            written.put(field.name(), null);
        }
        written.put("tags", List.of());
        written.put("labels", List.of());

        Map<String, Object> read = roundTrip(written);

        assertThat(read).containsEntry("tags", List.of()).containsEntry("labels", List.of())
                .containsEntry("numbers", null).containsEntry("edges", null).containsEntry("vec", null)
                .containsEntry("day", null).containsEntry("flag", null);
    }

    @Test
    void givenJsonWithKeysOutOfOrder_whenFetched_thenKeyOrderAndNumbersAreKept() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("zeta", 1);
        meta.put("alpha", List.of(2.5, "x"));
        meta.put("mid", Map.of());

        Map<String, Object> read = roundTrip(row(everything, "json", "meta", meta));

        assertThat(new ArrayList<Object>(((Map<?, ?>) read.get("meta")).keySet())).containsExactly("zeta", "alpha", "mid");
        assertThat(read.get("meta")).isEqualTo(everything.field("meta").dtype().normalize(meta, "everything", "meta"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's", "say \"hi\"", "back\\slash\\", "'; DROP TABLE everything; --", "SELECT * FROM x",
        "NULL", "%_%", "line\nbreak\ttab\r", "\uD83D\uDE00 grinning", "\uD801\uDC00 deseret",
        "\uFFFF", "", "list_contains(?, ?)"})
    void givenHostileText_whenWrittenAndFetched_thenItIsUnchangedInEveryTextColumnAndArray(String text) {
        Map<String, Object> written = row(everything, "hostile " + text.length(), "short", text, "long", text,
                "tags", List.of(text), "labels", List.of(text), "meta", Map.of(text, text));

        Map<String, Object> read = roundTrip(written);

        assertSameValues(read, written);
    }

    private Map<String, Object> roundTrip(Map<String, Object> written) {
        backend.ensure(everything);
        backend.upsert(everything, rows(written));
        List<String> fields = everything.fields().stream().map(StoredField::name).toList();
        return backend.fetch(everything, List.of((String) written.get("object_id")), fields)
                .get(written.get("object_id"));
    }

    private static void assertSameValues(Map<String, Object> actual, Map<String, Object> expected) {
        expected.forEach((field, value) -> {
            Object read = actual.get(field);
            if (value instanceof float[]) {
                assertThat((float[]) read).as(field).containsExactly((float[]) value);
            } else if (value instanceof byte[]) {
                assertThat((byte[]) read).as(field).containsExactly((byte[]) value);
            } else {
                assertThat(read).as(field).isEqualTo(value);
            }
        });
    }
}
