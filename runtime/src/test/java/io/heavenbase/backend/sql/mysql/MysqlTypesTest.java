package io.heavenbase.backend.sql.mysql;

import static io.heavenbase.backend.sql.mysql.MysqlFixtures.inline;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.layout;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.row;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.rows;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every logical type is read back from MySQL/MariaDB as exactly the canonical Java value that was written. */
class MysqlTypesTest extends MysqlBackendTestBase {

    private final EntityLayout everything = layout("everything",
            inline("ident", "Identifier[author]"), inline("short", "ShortText"), inline("medium", "MediumText"),
            inline("long", "LongText"), inline("count", "Integer"), inline("ratio", "Float"),
            inline("flag", "Boolean"), inline("status", "Categorical[draft,published]"),
            inline("at", "Timestamp"), inline("day", "Date"), side("tags", "Array"),
            side("numbers", "Array[Integer]"), side("days", "Array[Date]"), side("flags", "Array[Boolean]"),
            side("stamps", "Array[Timestamp]"), side("notes", "Array[LongText]"), inline("vec", "Vector[3]"),
            inline("meta", "Json"), inline("facts", "HyperG"),
            side("edges", "HyperG[target:Identifier[term],weight:Float,since:Date]"), inline("blob", "Artifact"));

    @Test
    void givenEveryTypeWithValues_whenFetched_thenTheCanonicalValuesComeBack() {
        Map<String, Object> written = row(everything, "full",
                "ident", "a-1", "short", "s".repeat(254) + "😀", "medium", "m".repeat(4095),
                "long", "x".repeat(65_535), "count", Long.MIN_VALUE, "ratio", -1.5e-300, "flag", true,
                "status", "published", "at", Instant.parse("1969-12-31T23:59:59.999Z"), "day", LocalDate.of(-44, 3, 15),
                "tags", List.of("b", "a", "b", ""), "numbers", List.of(Long.MAX_VALUE, -1L),
                "days", List.of(LocalDate.of(1582, 10, 10), LocalDate.of(99_999, 1, 1)), "flags", List.of(false, true),
                "stamps", List.of(Instant.EPOCH, Instant.parse("2024-02-29T12:00:00.123Z")),
                "notes", List.of("n".repeat(5000)), "vec", new float[] {1.5f, -2f, Float.MIN_VALUE},
                "meta", Map.of("z", List.of(1, 2.5, "three"), "a", Map.of("nested", true)),
                "facts", List.of(Map.of("slot", "s", "value", "v", "topic", "t")),
                "edges", List.of(Map.of("target", "t-1", "weight", 0.25, "since", "2020-01-01")),
                "blob", new byte[] {0, -1, 39, 92});

        assertSameValues(roundTrip(written), written);
    }

    @Test
    void givenNullsAndEmptyLists_whenFetched_thenNullAndEmptyStayDistinct() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("object_id", "sparse");
        for (StoredField field : everything.fields()) {
            written.put(field.name(), null);
        }
        written.put("tags", List.of());

        Map<String, Object> read = roundTrip(written);

        assertThat(read).containsEntry("tags", List.of()).containsEntry("numbers", null).containsEntry("meta", null)
                .containsEntry("vec", null).containsEntry("day", null).containsEntry("flag", null);
    }

    @Test
    void givenJsonWithKeysOutOfOrder_whenFetched_thenKeyOrderAndNumbersAreKept() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("zeta", 1);
        meta.put("alpha", List.of(2.50, "x"));
        meta.put("mid", Map.of());

        Map<String, Object> read = roundTrip(row(everything, "json", "meta", meta));

        assertThat(new ArrayList<Object>(((Map<?, ?>) read.get("meta")).keySet())).containsExactly("zeta", "alpha", "mid");
        assertThat(read.get("meta")).isEqualTo(everything.field("meta").dtype().normalize(meta, "everything", "meta"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's", "say \"hi\"", "back\\slash\\", "\\'", "'; DROP TABLE everything; --",
        "SELECT * FROM x", "NULL", "%_%", "line\nbreak\ttab\r", "\uD83D\uDE00 grinning", "\uD801\uDC00 deseret",
        "\uFFFF", "", "trailing space ", "`backtick`", "VALUES(`short`)"})
    void givenHostileText_whenWrittenFetchedAndCompared_thenItIsUnchangedAndFoundByExactEquality(String text) {
        Map<String, Object> written = row(everything, "hostile", "short", text, "long", text, "tags", List.of(text),
                "meta", Map.of(text, text));
        backend.ensure(everything);
        backend.upsert(everything, rows(written, row(everything, "other", "short", text + "x", "tags", List.of("x"))));

        assertSameValues(backend.fetch(everything, List.of("hostile"), List.of("short", "long", "tags", "meta"))
                .get("hostile"), written);
        assertThat(ids(everything, Fragment.filter(new Expr.Leaf("short", Op.EQ, text), null)))
                .containsExactly("hostile");
        assertThat(ids(everything, Fragment.filter(new Expr.Leaf("tags", Op.ARRAY_CONTAINS, text), null)))
                .containsExactly("hostile");
    }

    @Test
    void givenHostileObjectIds_whenWrittenAndFetched_thenTheyRoundTrip() {
        List<String> weird = List.of("a'b", "c\"d", "e\\f", "\uD83D\uDE00", "x) OR 1=1 --", "a", "a ", "`");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (String id : weird) {
            batch.add(row(everything, id, "short", id));
        }
        backend.ensure(everything);

        backend.upsert(everything, batch);

        assertThat(backend.count(everything)).isEqualTo(weird.size());
        assertThat(backend.fetch(everything, weird, List.of("short"))).containsOnlyKeys(weird);
        assertThat(ids(everything, Fragment.filter(null, Set.of("a ")))).containsExactly("a ");
    }

    @Test
    void givenNamesLongerThanMysqlsSixtyFourCharacters_whenStored_thenTheyAreShortenedApartAndRoundTrip() {
        String entity = "e" + "-x".repeat(30);
        String field = "f".repeat(63);
        String otherField = "f".repeat(62) + "g";
        EntityLayout longNames = layout(entity, side(field, "Array"), side(otherField, "Array"),
                inline("body_" + "b".repeat(58), "LongText"));
        backend.ensure(longNames);

        backend.upsert(longNames, rows(row(longNames, "x", field, List.of("one"), otherField, List.of("two"),
                "body_" + "b".repeat(58), "hello world")));

        assertThat(backend.fetch(longNames, List.of("x"), List.of(field, otherField)).get("x"))
                .containsEntry(field, List.of("one")).containsEntry(otherField, List.of("two"));
        assertThat(ids(longNames, Fragment.filter(new Expr.Leaf(otherField, Op.ARRAY_CONTAINS, "two"), null)))
                .containsExactly("x");
        // entity, two side tables, the word table and the BM25 postings, lengths and statistics of the LongText
        assertThat(MysqlTestServer.tables(prefix)).hasSize(7)
                .allSatisfy(table -> assertThat(table).hasSizeLessThanOrEqualTo(64));
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
