package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ID;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.EntitySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** register(): idempotent for equal schemas, clear errors for incompatible ones and impossible placements. */
public interface RegistrationConformance extends ConformanceContext {

    @Test
    default void givenRegisteredEntity_whenRegisterAnEqualSchemaAgain_thenNothingChanges() {
        loadFixture();

        EntitySchema again = ws().register(ConformanceEntity.schema(currentLayout()));

        assertThat(again.id()).isEqualTo(ID);
        assertThat(again.fieldNames()).containsExactlyElementsOf(item().fieldNames());
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        assertStoredExactly(ConformanceRows.fixtureRow("r01"));
    }

    @Test
    default void givenRegisteredEntity_whenRegisterTheSameIdWithAnotherFieldType_thenValidationExceptionAndOldSchemaKept() {
        loadFixture();
        EntitySchema incompatible = EntitySchema.builder(ID).field(TITLE, "ShortText").field(QTY, "ShortText").build();

        assertThatThrownBy(() -> ws().register(incompatible)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(ID);

        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        assertThat(stored("r01").getLong(QTY)).isEqualTo(5L);
    }

    @Test
    default void givenPlacementOnAnUnknownBackend_whenRegister_thenErrorNamesFieldAndBackend() {
        EntitySchema schema = EntitySchema.builder("conf-elsewhere")
                .field("lost", "ShortText", f -> f.store("nowhere")).build();

        assertThatThrownBy(() -> ws().register(schema))
                .isInstanceOfAny(ConfigurationException.class, ValidationException.class)
                .hasMessageContaining("lost").hasMessageContaining("nowhere");
        assertThat(ws().backends().names()).doesNotContain("nowhere");
    }

    @Test
    default void givenStrategyThatCannotHoldTheType_whenRegister_thenErrorNamesTheField() {
        EntitySchema schema = EntitySchema.builder("conf-bad-strategy")
                .field("label", "ShortText", f -> f.strategy("VectorIndex")).build();

        assertThatThrownBy(() -> ws().register(schema))
                .isInstanceOfAny(UnsupportedCapabilityException.class, ValidationException.class)
                .hasMessageContaining("label");
    }

    @Test
    default void givenTwoEntitiesWithTheSameObjectId_whenWriting_thenTheyStayIndependent() {
        EntitySchema other = ws().register(EntitySchema.builder("conf-other").field(TITLE, "ShortText")
                .field(QTY, "Integer").build());
        ws().upsert(item(), row("shared", TITLE, "item", QTY, 1));
        ws().upsert(other, row("shared", TITLE, "other", QTY, 2));

        ws().delete(other, "shared");

        assertThat(ws().count(other)).isZero();
        assertThat(ws().count(item())).isEqualTo(1);
        assertThat(stored("shared").getString(TITLE)).isEqualTo("item");
    }

    @Test
    default void givenEntityDefinedAsAMap_whenRegister_thenUsableLikeABuiltSchema() {
        EntitySchema product = ws().register(EntitySchema.fromMap(Map.of("name", "conf-product",
                "fields", Map.of("price", "Float", "labels", "Array"))));

        ws().upsert("conf-product", Map.of("name", "lamp", "price", 12.5, "labels", List.of("home")));

        assertThat(product.fieldNames()).contains("object_id", "name", "price", "labels");
        assertThat(ws().query("conf-product").execute().rows()).singleElement()
                .satisfies(r -> assertThat(r.getDouble("price")).isEqualTo(12.5));
    }
}
