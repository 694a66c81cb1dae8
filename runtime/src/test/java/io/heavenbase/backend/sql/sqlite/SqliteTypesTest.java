package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.vectorIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectTypesContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every logical type is read back as exactly the canonical Java value that was written
 * ({@link DialectTypesContract} on sqlite's entity), through fetch and as hit columns.
 */
class SqliteTypesTest extends DialectTypesContract {

    private final EntityLayout everything = layout("everything",
            inline("ident", "Identifier[author]"), inline("short", "ShortText"), inline("medium", "MediumText"),
            inline("long", "LongText"), inline("count", "Integer"), inline("ratio", "Float"),
            inline("flag", "Boolean"), inline("status", "Categorical[draft,published]"),
            inline("at", "Timestamp"), inline("day", "Date"), inline("tags", "Array"),
            inline("numbers", "Array[Integer]"), inline("days", "Array[Date]"), side("labels", "Array"),
            side("stamps", "Array[Timestamp]"), side("ratios", "Array[Float]"), inline("vec", "Vector[3]"),
            vectorIndex("indexed", 2), inline("meta", "Json"), inline("facts", "HyperG"),
            side("edges", "HyperG[target:Identifier[term],weight:Float,since:Date]"), inline("blob", "Artifact"));

    @Override
    protected OpenedBackend open() {
        return OpenedBackend.of(SqliteFixtures.memoryBackend());
    }

    @Override
    protected EntityLayout everything() {
        return everything;
    }

    @Override
    protected Map<String, Object> fullRow() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("n", 7);
        meta.put("x", 2.5);
        meta.put("nested", Map.of("list", List.of(true, "s", 1L)));
        meta.put("none", null);
        meta.put("big", Long.MAX_VALUE);
        return row(everything, "full",
                "ident", "author-1", "short", "it's \"quoted\" \\ \uD83D\uDE00", "medium", "m".repeat(4095),
                "long", "l\n".repeat(1000), "count", Long.MIN_VALUE, "ratio", 0.1,
                "flag", true, "status", "published", "at", Instant.parse("1969-07-20T20:17:40.123Z"),
                "day", LocalDate.of(2024, 2, 29), "tags", List.of("a", "b", "a"), "numbers", List.of(1, -2, 3),
                "days", List.of("0001-01-01", "9999-12-31"), "labels", List.of("x", "y"),
                "stamps", List.of(Instant.EPOCH, Instant.parse("2038-01-19T03:14:08Z")), "ratios", List.of(1.0, -0.5),
                "vec", new float[] {1.5f, -0.1f, Float.MIN_VALUE}, "indexed", new float[] {3f, 4f}, "meta", meta,
                "facts", List.of(Map.of("slot", "colour", "value", "red")),
                "edges", List.of(Map.of("target", "t1", "weight", 0.25, "since", "2020-01-01"), Map.of("target", "t2")),
                "blob", new byte[] {0, -1, 127, 10});
    }

    @Test
    void everyLogicalTypeRoundTripsAsHitColumns() {
        Map<String, Object> written = fullRow();
        roundTrip(written);
        Set<String> columns = Set.copyOf(everything.fields().stream().map(StoredField::name).toList());

        Hit hit = backend.execute(everything, new Fragment(null, null, null, List.of(), 0, null, columns)).get(0);

        Map<String, Object> expected = new LinkedHashMap<>(written);
        expected.remove("object_id");
        assertSameValues(hit.columns(), expected);
    }

    @Test
    void integersComeBackAsLongEvenWhenSmall() {
        Map<String, Object> read = roundTrip(row(everything, "small", "count", 1, "numbers", List.of(2), "meta", 3));

        assertThat(read.get("count")).isEqualTo(1L);
        assertThat(read.get("numbers")).isEqualTo(List.of(2L));
        assertThat(read.get("meta")).isEqualTo(3L);
    }

    @Test
    void integralFloatsComeBackAsDouble() {
        Map<String, Object> read = roundTrip(row(everything, "f", "ratio", 3, "ratios", List.of(2), "meta",
                List.of(1.0)));

        assertThat(read.get("ratio")).isEqualTo(3.0);
        assertThat(read.get("ratios")).isEqualTo(List.of(2.0));
        assertThat(read.get("meta")).isEqualTo(List.of(1.0));
    }

    @Test
    void extremeNumbersKeepEveryBit() {
        Map<String, Object> read = roundTrip(row(everything, "x", "count", Long.MAX_VALUE, "ratio", Double.MIN_VALUE,
                "meta", List.of(Double.MAX_VALUE, 1e-300, Long.MIN_VALUE)));

        assertThat(read.get("count")).isEqualTo(Long.MAX_VALUE);
        assertThat(read.get("ratio")).isEqualTo(Double.MIN_VALUE);
        assertThat(read.get("meta")).isEqualTo(List.of(Double.MAX_VALUE, 1e-300, Long.MIN_VALUE));
    }

    @Test
    void jsonScalarsAndStringsWithJsonSyntaxRoundTrip() {
        assertThat(roundTrip(row(everything, "s", "meta", "{\"not\": \"an object\"}")).get("meta"))
                .isEqualTo("{\"not\": \"an object\"}");
        assertThat(roundTrip(row(everything, "b", "meta", false)).get("meta")).isEqualTo(false);
    }

    @Test
    void emptyArtifactAndFalseBooleanAreNotNull() {
        Map<String, Object> read = roundTrip(row(everything, "e", "blob", new byte[0], "flag", false, "short", ""));

        assertThat((byte[]) read.get("blob")).isEmpty();
        assertThat(read.get("flag")).isEqualTo(false);
        assertThat(read.get("short")).isEqualTo("");
    }

    @Test
    void nullFieldsComeBackAsNullEntries() {
        Map<String, Object> read = roundTrip(row(everything, "nothing"));

        assertThat(read).hasSize(everything.fields().size() + 1);
        assertThat(read.values().stream().filter(v -> v != null).toList()).containsExactly("nothing");
    }

    @Test
    void hyperGItemsHoldEveryColumnInDeclaredOrder() {
        Map<String, Object> read = roundTrip(row(everything, "h", "edges", List.of(Map.of("weight", 1))));

        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) read.get("edges")).get(0);
        assertThat(Arrays.asList(item.keySet().toArray())).containsExactly("target", "weight", "since");
        assertThat(item).containsEntry("weight", 1.0).containsEntry("target", null);
    }
}
