package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.heavenbase.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical values to the rows the SDK writes, and SDK entities back to canonical values. */
class MilvusValuesTest {

    private final MilvusCollection collection = MilvusFixtures.collection();

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", "r1");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void givenScalars_whenWritten_thenMilvusValuesWithTimeAsEpochNumbers() {
        JsonObject out = MilvusValues.toRow(collection, row("title", "Apple", "qty", 5L, "price", 2.5, "active", true,
                "created", Instant.parse("1970-01-01T00:00:01.5Z"), "day", LocalDate.of(1970, 1, 11)));

        assertThat(out.get("object_id").getAsString()).isEqualTo("r1");
        assertThat(out.get("title").getAsString()).isEqualTo("Apple");
        assertThat(out.get("qty").getAsLong()).isEqualTo(5L);
        assertThat(out.get("price").getAsDouble()).isEqualTo(2.5);
        assertThat(out.get("active").getAsBoolean()).isTrue();
        assertThat(out.get("created").getAsLong()).isEqualTo(1500L);
        assertThat(out.get("day").getAsLong()).isEqualTo(10L);
    }

    @Test
    void givenAbsentFields_whenWritten_thenEveryFieldIsPresentAsNull() {
        JsonObject out = MilvusValues.toRow(collection, row());

        assertThat(out.get("title")).isEqualTo(JsonNull.INSTANCE);
        assertThat(out.get("meta")).isEqualTo(JsonNull.INSTANCE);
        assertThat(out.get("tags")).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void givenANullVector_whenWritten_thenAUnitPlaceholderAndAFalseFlag() {
        JsonObject out = MilvusValues.toRow(collection, row());

        assertThat(out.get("embedding")).isEqualTo(JsonParser.parseString("[1.0,0.0,0.0]"));
        assertThat(out.get("_hb_has_embedding").getAsBoolean()).isFalse();
    }

    @Test
    void givenAVector_whenWritten_thenItsComponentsAndATrueFlag() {
        JsonObject out = MilvusValues.toRow(collection, row("embedding", new float[] {0.5f, -1f, 0f}));

        assertThat(out.get("embedding")).isEqualTo(JsonParser.parseString("[0.5,-1.0,0.0]"));
        assertThat(out.get("_hb_has_embedding").getAsBoolean()).isTrue();
    }

    @Test
    void givenArraysAndJson_whenWritten_thenJsonArraysAndDocuments() {
        JsonObject out = MilvusValues.toRow(collection, row("tags", List.of("a", "b"), "sizes", List.of(1L, 2L),
                "meta", Map.of("k", List.of(1L, "two")), "links", List.of(Map.of("slot", "s", "value", "v"))));

        assertThat(out.get("tags")).isEqualTo(JsonParser.parseString("[\"a\",\"b\"]"));
        assertThat(out.get("sizes")).isEqualTo(JsonParser.parseString("[1,2]"));
        assertThat(out.get("meta")).isEqualTo(JsonParser.parseString("{\"k\":[1,\"two\"]}"));
        assertThat(out.get("links").isJsonArray()).isTrue();
    }

    @Test
    void givenTextBeyondTheByteLimit_whenWritten_thenRefusedNamingEntityAndField() {
        String fourBytes = "😀".repeat(200);

        assertThat(fourBytes.codePointCount(0, fourBytes.length())).isLessThanOrEqualTo(255);
        assertThatThrownBy(() -> MilvusValues.toRow(collection, row("title", "x".repeat(1021))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'title'")
                .hasMessageContaining("'doc-part'").hasMessageContaining("1020 bytes");
        assertThat(MilvusValues.toRow(collection, row("title", fourBytes)).get("title").getAsString())
                .isEqualTo(fourBytes);
    }

    @Test
    void givenMoreArrayElementsThanTheCapacity_whenWritten_thenRefused() {
        List<String> many = Collections.nCopies(4097, "x");

        assertThatThrownBy(() -> MilvusValues.toRow(collection, row("tags", many)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("4097").hasMessageContaining("4096");
    }

    @Test
    void givenARowWithoutStringId_whenWritten_thenRefused() {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", 7);

        assertThatThrownBy(() -> MilvusValues.toRow(collection, row)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("object_id");
    }

    @Test
    void givenAnSdkEntity_whenRead_thenCanonicalValues() {
        Map<String, Object> entity = new HashMap<>();
        entity.put("object_id", "r1");
        entity.put("qty", 5L);
        entity.put("price", 2.5);
        entity.put("created", 1500L);
        entity.put("day", 10L);
        entity.put("tags", List.of("a"));
        entity.put("sizes", List.of(1L, 2L));
        entity.put("meta", JsonParser.parseString("{\"k\":1,\"d\":0.5}"));
        entity.put("embedding", List.of(0.5f, 0f, 1f));
        entity.put("_hb_has_embedding", true);

        Map<String, Object> row = MilvusValues.fromEntity(collection, entity);

        assertThat(row).containsEntry("object_id", "r1").containsEntry("qty", 5L).containsEntry("price", 2.5)
                .containsEntry("created", Instant.ofEpochMilli(1500)).containsEntry("day", LocalDate.of(1970, 1, 11))
                .containsEntry("tags", List.of("a")).containsEntry("sizes", List.of(1L, 2L))
                .containsEntry("meta", Map.of("k", 1L, "d", 0.5)).doesNotContainKey("_hb_has_embedding");
        assertThat((float[]) row.get("embedding")).containsExactly(0.5f, 0f, 1f);
    }

    @Test
    void givenAnEntityWhoseVectorFlagIsFalse_whenRead_thenTheVectorIsNull() {
        Map<String, Object> entity = MilvusFixtures.entity("r1", 1f, 0f, 0f);
        entity.put("_hb_has_embedding", false);

        assertThat(MilvusValues.fromEntity(collection, entity)).containsEntry("embedding", null);
    }

    @Test
    void givenNullsAndAJsonNull_whenRead_thenNulls() {
        Map<String, Object> entity = new HashMap<>();
        entity.put("object_id", "r1");
        entity.put("title", null);
        entity.put("meta", JsonNull.INSTANCE);
        entity.put("links", new JsonArray());

        Map<String, Object> row = MilvusValues.fromEntity(collection, entity);

        assertThat(row).containsEntry("title", null).containsEntry("meta", null).containsEntry("links", List.of());
    }
}
