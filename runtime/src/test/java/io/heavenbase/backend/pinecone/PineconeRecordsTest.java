package io.heavenbase.backend.pinecone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical rows to Pinecone records (id, values, metadata) and back. */
class PineconeRecordsTest {

    private final PineconeRecords records = new PineconeRecords(PineconeFixtures.JSON);
    private final PineconePart part = PineconeFixtures.part();

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", "r1");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> everyType() {
        return row("title", "Apple \"pie\"", "qty", -(1L << 53), "price", 1.0 / 3.0, "active", false, "color", "red",
                "created", Instant.parse("2024-01-01T00:00:00.001Z"), "day", LocalDate.of(1999, 12, 31),
                "tags", List.of("a", "b c"), "sizes", List.of(-0.5, 2.0), "meta", Map.of("k", List.of(1L, "two")),
                "links", List.of(Map.of("slot", "s", "value", "v", "topic", "t")), "blob", new byte[] {0, 1, -1},
                "embedding", new float[] {0.25f, -1.5f, 3.0e-7f});
    }

    @Test
    void givenARow_whenRecorded_thenIdValuesAndTypedMetadata() {
        JsonNode record = records.record(part, 3, everyType());
        JsonNode metadata = record.path("metadata");

        assertThat(record.path("id").asText()).isEqualTo("r1");
        assertThat(record.path("values").toString()).isEqualTo("[0.25,-1.5,3.0E-7]");
        assertThat(metadata.path("object_id").asText()).isEqualTo("r1");
        assertThat(metadata.path("_hb_vec").asBoolean()).isTrue();
        assertThat(metadata.path("qty").isIntegralNumber()).isTrue();
        assertThat(metadata.path("created").asLong()).isEqualTo(1704067200001L);
        assertThat(metadata.path("day").asLong()).isEqualTo(LocalDate.of(1999, 12, 31).toEpochDay());
        assertThat(metadata.path("tags").toString()).isEqualTo("[\"a\",\"b c\"]");
        assertThat(metadata.path("sizes").toString()).isEqualTo("[\"-0.5\",\"2.0\"]");
        assertThat(metadata.path("meta").isTextual()).isTrue();
        assertThat(metadata.path("blob").asText()).isEqualTo("AAH/");
        assertThat(metadata.has("embedding")).isFalse();
    }

    @Test
    void givenARow_whenRecordedAndReadBack_thenEveryValueIsTheSame() {
        Map<String, Object> original = everyType();

        Map<String, Object> back = records.row(part, records.record(part, 3, original));

        for (Map.Entry<String, Object> entry : original.entrySet()) {
            assertThat(back.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void givenNullsAndAnEmptyArray_whenRecorded_thenKeysAreLeftOutAndTheEmptyArrayIsNoted() {
        ObjectNode record = records.record(part, 3, row("tags", List.of()));

        assertThat(record.path("metadata").has("title")).isFalse();
        assertThat(record.path("metadata").has("tags")).isFalse();
        assertThat(record.path("metadata").path("_hb_empty").toString()).isEqualTo("[\"tags\"]");
        Map<String, Object> back = records.row(part, record);
        assertThat(back).containsEntry("tags", List.of()).containsEntry("title", null);
    }

    @Test
    void givenANullVector_whenRecorded_thenAUnitPlaceholderFlaggedAbsent() {
        ObjectNode record = records.record(part, 3, row());

        assertThat(record.path("values").toString()).isEqualTo("[1.0,0.0,0.0]");
        assertThat(record.path("metadata").path("_hb_vec").asBoolean()).isFalse();
        assertThat(records.row(part, record)).containsEntry("embedding", null);
    }

    @Test
    void givenAPartWithoutVector_whenRecorded_thenThePlaceholderHasTheIndexDimensionAndNoFlag() {
        PineconePart plain = PineconePart.of("vec", "", new EntityLayout("plain",
                List.of(PineconeFixtures.inline("title", "ShortText"))));

        ObjectNode record = records.record(plain, 4, row("title", "x"));

        assertThat(record.path("values").size()).isEqualTo(4);
        assertThat(record.path("metadata").has("_hb_vec")).isFalse();
    }

    @Test
    void givenAnIntegerBeyondFloat64Precision_whenRecorded_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> records.record(part, 3, row("qty", (1L << 53) + 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'qty'").hasMessageContaining("2^53");
    }

    @Test
    void givenMetadataBeyond40Kb_whenRecorded_thenRefusedNamingTheRow() {
        assertThatThrownBy(() -> records.record(part, 3, row("meta", Map.of("big", "x".repeat(41_000)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'r1'").hasMessageContaining("40960");
    }

    @Test
    void givenFloatArrayElements_whenWrittenAsStrings_thenEqualValuesHaveOneSpelling() {
        assertThat(PineconeRecords.element(DType.FLOAT, -0.0)).isEqualTo("0.0");
        assertThat(PineconeRecords.element(DType.FLOAT, 2L)).isEqualTo("2.0");
        assertThat(PineconeRecords.element(DType.INTEGER, 7L)).isEqualTo("7");
    }
}
