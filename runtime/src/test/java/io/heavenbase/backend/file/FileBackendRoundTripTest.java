package io.heavenbase.backend.file;

import static io.heavenbase.backend.file.FileBackends.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class FileBackendRoundTripTest {

    static final List<String> TYPES = FileBackends.TYPES;

    private static final EntityLayout EVERY_KIND = new EntityLayout("every-kind", List.of(
            field("ident", "Identifier"),
            field("short_text", "ShortText"),
            field("medium_text", "MediumText"),
            field("long_text", "LongText"),
            field("count", "Integer"),
            field("ratio", "Float"),
            field("flag", "Boolean"),
            field("color", "Categorical[red,green]"),
            field("at", "Timestamp"),
            field("day", "Date"),
            field("tags", "Array[ShortText]"),
            field("numbers", "Array[Integer]"),
            field("embedding", "Vector[4]"),
            field("meta", "Json"),
            field("links", "HyperG"),
            field("blob", "Artifact")));

    @TempDir
    Path directory;

    private static Map<String, Object> extremeRow() {
        byte[] blob = new byte[4096];
        new Random(7).nextBytes(blob);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("z", List.of(1L, 2.5, "x", true));
        meta.put("a", Map.of("nested", "ok"));
        meta.put("none", null);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("slot", "author");
        link.put("value", "Ada \"Countess\" Lovelace");
        link.put("topic", null);
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", "row/1:é");
        row.put("ident", "id-\u00e9\u4e2d");
        row.put("short_text", "quote \" backslash \\ tab \t emoji \ud83d\ude00");
        row.put("medium_text", "line one\nline two\r\n");
        row.put("long_text", "x".repeat(60_000));
        row.put("count", Long.MIN_VALUE);
        row.put("ratio", 0.1 + 0.2);
        row.put("flag", false);
        row.put("color", "green");
        row.put("at", Instant.parse("1969-12-31T23:59:59.999Z"));
        row.put("day", LocalDate.of(1, 1, 1));
        row.put("tags", List.of("b", "a", ""));
        row.put("numbers", List.of(Long.MAX_VALUE, -1L, 0L));
        row.put("embedding", new float[] {0.1f, 1f / 3f, Float.MIN_VALUE, -Float.MAX_VALUE});
        row.put("meta", meta);
        row.put("links", List.of(link));
        row.put("blob", blob);
        return row;
    }

    private static Map<String, Object> emptyValuesRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", "empty");
        row.put("short_text", "");
        row.put("tags", List.of());
        row.put("meta", List.of());
        row.put("links", List.of());
        row.put("blob", new byte[0]);
        row.put("ratio", Double.MIN_VALUE);
        row.put("count", 0L);
        return row;
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void everyTypeReadsBackExactlyFromAFreshInstance(String type) {
        Map<String, Object> written = extremeRow();
        try (Backend writer = FileBackends.open(type, directory)) {
            writer.ensure(EVERY_KIND);
            writer.upsert(EVERY_KIND, List.of(written));
        }

        Map<String, Object> read;
        try (Backend reader = FileBackends.open(type, directory)) {
            read = reader.fetch(EVERY_KIND, List.of("row/1:é"), fieldNames()).get("row/1:é");
        }

        Map<String, Object> expected = canonical(written);
        assertThat(read).containsOnlyKeys(expected.keySet());
        expected.forEach((field, value) -> {
            assertThat(read.get(field)).as(field).isEqualTo(value);
            if (!(value instanceof Map) && !(value instanceof List)) {
                assertThat(read.get(field)).as(field + " class").hasSameClassAs(value);
            }
        });
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void emptyValuesStayEmptyAndAbsentFieldsReadAsNull(String type) {
        try (Backend writer = FileBackends.open(type, directory)) {
            writer.upsert(EVERY_KIND, List.of(emptyValuesRow()));
        }

        Map<String, Object> read;
        try (Backend reader = FileBackends.open(type, directory)) {
            read = reader.fetch(EVERY_KIND, List.of("empty"), fieldNames()).get("empty");
        }

        assertThat(read.get("short_text")).isEqualTo("");
        assertThat(read.get("tags")).isEqualTo(List.of());
        assertThat(read.get("meta")).isEqualTo(List.of());
        assertThat(read.get("links")).isEqualTo(List.of());
        assertThat((byte[]) read.get("blob")).isEmpty();
        assertThat(read.get("ratio")).isEqualTo(Double.MIN_VALUE);
        assertThat(read).containsEntry("embedding", null).containsEntry("at", null).containsEntry("flag", null);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void valuesHandedOutAreCopiesThatCannotChangeTheStore(String type) {
        try (Backend backend = FileBackends.open(type, directory)) {
            backend.upsert(EVERY_KIND, List.of(extremeRow()));
            float[] embedding = (float[]) backend.fetch(EVERY_KIND, List.of("row/1:é"), List.of("embedding"))
                    .get("row/1:é").get("embedding");
            embedding[0] = 42f;

            Object again = backend.fetch(EVERY_KIND, List.of("row/1:é"), List.of("embedding")).get("row/1:é")
                    .get("embedding");

            assertThat((float[]) again).startsWith(0.1f);
        }
    }

    private static List<String> fieldNames() {
        return EVERY_KIND.fields().stream().map(f -> f.name()).toList();
    }

    private static Map<String, Object> canonical(Map<String, Object> row) {
        Map<String, Object> out = new HashMap<>();
        EVERY_KIND.fields().forEach(f -> out.put(f.name(), f.dtype().normalize(row.get(f.name()), "every-kind", f.name())));
        out.put("object_id", row.get("object_id"));
        return out;
    }
}
