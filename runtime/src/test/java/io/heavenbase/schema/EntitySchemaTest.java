package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntitySchemaTest {

    @HeavenEntity("article")
    public static class Article {
        @Field("ShortText") public String title;
        @Field("LongText") public String body;
        @Field(value = "Array[ShortText]", defaultValue = "[]") public List<String> tags;
        @Field("Vector[2]") @Store(to = "vec", strategy = "VectorIndex") public float[] embedding;
    }

    @HeavenEntity("article")
    public record ArticleRecord(
            @Field("ShortText") String title,
            @Field("LongText") String body,
            @Field(value = "Array[ShortText]", defaultValue = "[]") List<String> tags,
            @Field("Vector[2]") @Store(to = "vec", strategy = "VectorIndex") float[] embedding) {
    }

    private static EntitySchema articleFromBuilder() {
        return EntitySchema.builder("article")
                .field("title", "ShortText")
                .field("body", "LongText")
                .field("tags", "Array[ShortText]", f -> f.defaultValue(List.of()))
                .field("embedding", "Vector[2]", f -> f.store("vec", "VectorIndex"))
                .build();
    }

    private static Map<String, Object> articleDefinition() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "ShortText");
        fields.put("body", "LongText");
        fields.put("tags", Map.of("type", "Array[ShortText]", "default", List.of()));
        fields.put("embedding", Map.of("type", "Vector[2]", "store", "vec", "strategy", "VectorIndex"));
        return Map.of("name", "article", "fields", fields);
    }

    @Nested
    class ThreeFormsOfTheSameDefinition {

        @Test
        void annotatedClassEqualsBuilder() {
            assertThat(EntitySchema.fromClass(Article.class)).isEqualTo(articleFromBuilder());
        }

        @Test
        void mapEqualsBuilder() {
            assertThat(EntitySchema.fromMap(articleDefinition())).isEqualTo(articleFromBuilder());
        }

        @Test
        void recordEqualsClass() {
            assertThat(EntitySchema.fromClass(ArticleRecord.class)).isEqualTo(EntitySchema.fromClass(Article.class));
        }

        @Test
        void annotatedFieldsKeepDeclarationOrderAfterTheImplicitFields() {
            assertThat(EntitySchema.fromClass(Article.class).fieldNames())
                    .containsExactly("object_id", "name", "title", "body", "tags", "embedding");
        }

        @Test
        void placementAndDefaultComeFromTheAnnotations() {
            EntitySchema schema = EntitySchema.fromClass(Article.class);

            assertThat(schema.field("embedding").backend()).isEqualTo("vec");
            assertThat(schema.field("embedding").strategy()).isEqualTo(Strategy.VECTOR_INDEX);
            assertThat(schema.field("tags").defaultValue()).isEqualTo(List.of());
            assertThat(schema.field("title").backend()).isNull();
            assertThat(schema.field("title").strategy()).isNull();
        }

        @Test
        void fromClassRemembersTheJavaTypeWithoutAffectingEquality() {
            EntitySchema schema = EntitySchema.fromClass(Article.class);

            assertThat(schema.javaType()).isEqualTo(Article.class);
            assertThat(articleFromBuilder().javaType()).isNull();
        }
    }

    @Nested
    class ImplicitFields {

        @Test
        void objectIdIsAnIdentifierAndNameIsOptionalShortText() {
            EntitySchema schema = EntitySchema.builder("note").field("text", "LongText").build();

            assertThat(schema.field("object_id").dtype()).isEqualTo(DType.IDENTIFIER);
            assertThat(schema.field("name").dtype()).isEqualTo(DType.SHORT_TEXT);
            assertThat(schema.field("name").required()).isFalse();
        }

        @Test
        void aDeclaredNameReplacesTheImplicitOne() {
            EntitySchema schema = EntitySchema.fromMap(Map.of("name", "product",
                    "fields", Map.of("name", Map.of("type", "MediumText", "required", true))));

            assertThat(schema.field("name").dtype()).isEqualTo(DType.MEDIUM_TEXT);
            assertThat(schema.field("name").required()).isTrue();
        }

        @Test
        void specProductExampleCompiles() {
            EntitySchema schema = EntitySchema.fromMap(Map.of("name", "product",
                    "fields", Map.of("name", "ShortText", "price", "Float", "tags", "Array")));

            assertThat(schema.id()).isEqualTo("product");
            assertThat(schema.field("price").dtype()).isEqualTo(DType.FLOAT);
            assertThat(schema.field("tags").dtype()).isEqualTo(DType.parse("Array[ShortText]"));
        }
    }

    @Nested
    class Annotations {

        public class OrderLine {
            @Field("Integer") long quantity;
        }

        public static class Base {
            @Field("ShortText") String sku;
        }

        @HeavenEntity(value = "special-item", desc = "an item")
        public static class SpecialItem extends Base {
            static final String IGNORED = "constant";
            @Field("Float") double price;
            @Field("Boolean") transient boolean cached;
            String notAField;
        }

        public static class Described {
            @Field(value = "Categorical[draft,published]", name = "state", desc = "workflow state", required = true,
                    defaultValue = "\"draft\"")
            String status;
            @Field(value = "Timestamp", defaultValue = "\"2024-01-02T03:04:05Z\"") Instant created;
            @Field("Array[Integer]") @Store(strategy = "SideTable") List<Long> counts;
            @Field("Json") @Store(to = "docs") Map<String, Object> extra;
        }

        public static class Plain {
            String nothingAnnotated;
        }

        public static class Twice {
            @Field("ShortText") String title;
            @Field(value = "ShortText", name = "title") String heading;
        }

        public static class BadType {
            @Field("Vector[0]") float[] v;
        }

        public static class BadDefault {
            @Field(value = "Integer", defaultValue = "not json") long n;
        }

        public static class WrongDefault {
            @Field(value = "ShortText", defaultValue = "42") String s;
        }

        public static class ScoreField {
            @Field("Float") double score;
        }

        @Test
        void entityIdDefaultsToTheKebabCaseSimpleName() {
            assertThat(EntitySchema.fromClass(OrderLine.class).id()).isEqualTo("order-line");
        }

        @Test
        void aClassWithoutHeavenEntityIsAllowedWhenItHasFields() {
            assertThat(EntitySchema.fromClass(OrderLine.class).field("quantity").dtype()).isEqualTo(DType.INTEGER);
        }

        @Test
        void inheritedFieldsComeFirstAndStaticTransientAndUnannotatedFieldsAreSkipped() {
            EntitySchema schema = EntitySchema.fromClass(SpecialItem.class);

            assertThat(schema.id()).isEqualTo("special-item");
            assertThat(schema.desc()).isEqualTo("an item");
            assertThat(schema.fieldNames()).containsExactly("object_id", "name", "sku", "price");
        }

        @Test
        void fieldAttributesAreCompiled() {
            FieldSchema state = EntitySchema.fromClass(Described.class).field("state");

            assertThat(state.desc()).isEqualTo("workflow state");
            assertThat(state.required()).isTrue();
            assertThat(state.defaultValue()).isEqualTo("draft");
        }

        @Test
        void defaultValueIsParsedAsJsonAndNormalised() {
            assertThat(EntitySchema.fromClass(Described.class).field("created").defaultValue())
                    .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        }

        @Test
        void storeWithOnlyAStrategyLeavesTheBackendToPlacementRules() {
            FieldSchema counts = EntitySchema.fromClass(Described.class).field("counts");

            assertThat(counts.backend()).isNull();
            assertThat(counts.strategy()).isEqualTo(Strategy.SIDE_TABLE);
        }

        @Test
        void storeWithOnlyABackendLeavesTheStrategyUnset() {
            FieldSchema extra = EntitySchema.fromClass(Described.class).field("extra");

            assertThat(extra.backend()).isEqualTo("docs");
            assertThat(extra.strategy()).isNull();
        }

        @Test
        void aClassWithoutFieldsIsRejectedNamingTheClass() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromClass(Plain.class))
                    .withMessageContaining(Plain.class.getName())
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("no_fields"));
        }

        @Test
        void twoMembersWithTheSameFieldNameAreRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromClass(Twice.class))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("duplicate_field"));
        }

        @Test
        void anInvalidTypeNamesEntityAndField() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromClass(BadType.class))
                    .withMessageContaining("entity 'bad-type' field 'v'")
                    .withMessageContaining("Vector[0]")
                    .satisfies(e -> assertThat(e.field()).isEqualTo("v"));
        }

        @Test
        void aDefaultThatIsNotJsonIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromClass(BadDefault.class))
                    .withMessageContaining("not json")
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("default_value"));
        }

        @Test
        void aDefaultOfTheWrongTypeIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromClass(WrongDefault.class))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("type"));
        }

        @Test
        void aFieldNamedScoreIsReserved() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromClass(ScoreField.class))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("reserved_name"));
        }
    }

    @Nested
    class Builder {

        @Test
        void duplicateFieldIsRejected() {
            EntitySchema.Builder builder = EntitySchema.builder("note").field("text", "ShortText");

            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> builder.field("text", "LongText"))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("duplicate_field"));
        }

        @Test
        void invalidFieldNameIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.builder("note").field("drop table;", "ShortText"))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("field_name"));
        }

        @Test
        void invalidEntityIdIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.builder("Note"))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("entity_id"));
        }

        @Test
        void scoreIsReserved() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.builder("note").field("score", "Float"))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("reserved_name"));
        }

        @Test
        void differentPlacementMakesSchemasDifferent() {
            EntitySchema onMain = EntitySchema.builder("note").field("v", "Vector[2]", f -> f.store("main")).build();
            EntitySchema onVec = EntitySchema.builder("note").field("v", "Vector[2]", f -> f.store("vec")).build();

            assertThat(onMain).isNotEqualTo(onVec);
        }
    }

    @Nested
    class Maps {

        @Test
        void idIsAcceptedInsteadOfName() {
            assertThat(EntitySchema.fromMap(Map.of("id", "note", "fields", Map.of("text", "ShortText"))).id())
                    .isEqualTo("note");
        }

        @Test
        void conflictingNameAndIdAreRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(Map.of("id", "a", "name", "b")));
        }

        @Test
        void unknownEntityKeyIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(Map.of("name", "note", "feilds", Map.of())))
                    .withMessageContaining("feilds");
        }

        @Test
        void unknownFieldKeyIsRejectedNamingItsPath() {
            Map<String, Object> definition = Map.of("name", "product",
                    "fields", Map.of("price", Map.of("type", "Float", "colour", "red")));

            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(definition))
                    .withMessageContaining("fields.price.colour")
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("unknown_key"));
        }

        @Test
        void fieldMapWithoutTypeIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(Map.of("name", "product",
                            "fields", Map.of("price", Map.of("desc", "in EUR")))))
                    .withMessageContaining("fields.price.type");
        }

        @Test
        void invalidTypeSpellingNamesTheField() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(Map.of("name", "product",
                            "fields", Map.of("price", "Money"))))
                    .withMessageContaining("field 'price'")
                    .withMessageContaining("Money")
                    .satisfies(e -> assertThat(e.field()).isEqualTo("price"));
        }

        @Test
        void invalidFieldNameIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(Map.of("name", "product",
                            "fields", Map.of("bad-name", "Float"))))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("field_name"));
        }

        @Test
        void nonBooleanRequiredIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> EntitySchema.fromMap(Map.of("name", "product",
                            "fields", Map.of("price", Map.of("type", "Float", "required", "yes")))))
                    .withMessageContaining("fields.price.required");
        }

        @Test
        void toMapRoundTripsToAnEqualSchema() {
            EntitySchema schema = richSchema();

            assertThat(EntitySchema.fromMap(schema.toMap())).isEqualTo(schema);
        }

        @Test
        void toMapSurvivesJsonSerialisation() throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            EntitySchema schema = richSchema();
            String json = mapper.writeValueAsString(schema.toMap());

            Map<String, Object> parsed = mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });

            assertThat(EntitySchema.fromMap(parsed)).isEqualTo(schema);
        }

        @Test
        void toMapWritesCanonicalTypeSpellings() {
            EntitySchema schema = EntitySchema.fromMap(Map.of("name", "product", "fields", Map.of("tags", "Array")));

            assertThat(schema.toMap()).extracting("fields").extracting("tags").extracting("type")
                    .isEqualTo("Array[ShortText]");
        }

        private EntitySchema richSchema() {
            return EntitySchema.builder("rich-thing").desc("everything at once")
                    .field("title", "ShortText", f -> f.required().desc("the title"))
                    .field("state", "Categorical[draft,\"in review\",done]", f -> f.defaultValue("draft"))
                    .field("when", "Timestamp", f -> f.defaultValue("2024-01-02T03:04:05.123Z"))
                    .field("day", "Date", f -> f.defaultValue("2024-01-02"))
                    .field("v", "Vector[3]", f -> f.store("vec", "VectorIndex").defaultValue(new float[] {0.1f, 2f, 3f}))
                    .field("blob", "Artifact", f -> f.defaultValue(new byte[] {1, 2}))
                    .field("tags", "Array[Integer]", f -> f.strategy("SideTable").defaultValue(List.of(1, 2)))
                    .field("links", "HyperG[target:Identifier[rich-thing],weight:Float]")
                    .field("meta", "Json", f -> f.defaultValue(Map.of("k", List.of(1, "x"))))
                    .build();
        }
    }
}
