package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.heavenbase.Field;
import io.heavenbase.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RowMapperTest {

    enum State { DRAFT, PUBLISHED }

    record Link(String target, double weight) {
    }

    record Article(String objectId, String title, int views, float rating, List<Float> embedding, Set<String> tags,
            Date created, State state, List<Link> links, Map<String, Object> meta, byte[] blob, boolean pinned) {
    }

    static class Base {
        private String objectId;
    }

    static class Product extends Base {
        private String name;
        private long stock;
        private Integer shelf;
        private double[] vector;
        private String[] labels;
        private OffsetDateTime updated;
        private LocalDate day;
        @Field(value = "ShortText", name = "sku_code") private String sku;

        private Product() {
        }
    }

    static class NoDefaultConstructor {
        final String title;

        NoDefaultConstructor(String title) {
            this.title = title;
        }
    }

    record Counter(short small) {
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @Nested
    class Records {

        private final Instant created = Instant.parse("2024-01-02T03:04:05Z");

        private Article mapped() {
            return RowMapper.map(row("object_id", "a1", "title", "Hello", "views", 7L, "rating", 4.5,
                    "embedding", new float[] {1f, 0.5f}, "tags", List.of("x", "y", "x"), "created", created,
                    "state", "PUBLISHED", "links", List.of(Map.of("target", "t1", "weight", 0.5)),
                    "meta", Map.of("k", 1L), "blob", new byte[] {9}, "pinned", true, "unknown", "ignored"),
                    Article.class);
        }

        @Test
        void objectIdReachesACamelCaseComponent() {
            assertThat(mapped().objectId()).isEqualTo("a1");
        }

        @Test
        void narrowsNumbers() {
            assertThat(mapped().views()).isEqualTo(7);
            assertThat(mapped().rating()).isEqualTo(4.5f);
        }

        @Test
        void convertsAFloatArrayToAListOfFloats() {
            assertThat(mapped().embedding()).containsExactly(1f, 0.5f);
        }

        @Test
        void convertsAListToASet() {
            assertThat(mapped().tags()).containsExactly("x", "y");
        }

        @Test
        void convertsAnInstantToADate() {
            assertThat(mapped().created()).isEqualTo(Date.from(created));
        }

        @Test
        void convertsAStringToAnEnumConstant() {
            assertThat(mapped().state()).isEqualTo(State.PUBLISHED);
        }

        @Test
        void mapsNestedMapsOntoRecords() {
            assertThat(mapped().links()).containsExactly(new Link("t1", 0.5));
        }

        @Test
        void passesJsonAndBytesThrough() {
            assertThat(mapped().meta()).isEqualTo(Map.of("k", 1L));
            assertThat(mapped().blob()).containsExactly(9);
            assertThat(mapped().pinned()).isTrue();
        }

        @Test
        void absentKeysGiveNullOrZero() {
            Article article = RowMapper.map(row("title", "only"), Article.class);

            assertThat(article.objectId()).isNull();
            assertThat(article.views()).isZero();
            assertThat(article.pinned()).isFalse();
        }

        @Test
        void anOutOfRangeNumberNamesTheClassAndField() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> RowMapper.map(row("small", 70_000L), Counter.class))
                    .withMessageContaining(Counter.class.getName())
                    .withMessageContaining("small")
                    .satisfies(e -> assertThat(e.field()).isEqualTo("small"));
        }

        @Test
        void anUnknownEnumNameIsRejected() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> RowMapper.map(row("state", "GONE"), Article.class))
                    .withMessageContaining("GONE");
        }
    }

    @Nested
    class Classes {

        private final Instant updated = Instant.parse("2024-05-06T07:08:09Z");

        private Product mapped() {
            return RowMapper.map(row("object_id", "p1", "name", "Widget", "stock", 3L, "shelf", 12L,
                    "vector", new float[] {0.25f, 1f}, "labels", List.of("a", "b"), "updated", updated,
                    "day", LocalDate.of(2024, 5, 6), "sku_code", "W-1"), Product.class);
        }

        @Test
        void setsPrivateFieldsThroughAPrivateNoArgConstructor() {
            assertThat(mapped().name).isEqualTo("Widget");
            assertThat(mapped().stock).isEqualTo(3L);
            assertThat(mapped().shelf).isEqualTo(12);
        }

        @Test
        void setsInheritedFields() {
            assertThat(((Base) mapped()).objectId).isEqualTo("p1");
        }

        @Test
        void convertsVectorsAndListsToArrays() {
            assertThat(mapped().vector).containsExactly(0.25, 1.0);
            assertThat(mapped().labels).containsExactly("a", "b");
        }

        @Test
        void convertsTimes() {
            assertThat(mapped().updated).isEqualTo(updated.atOffset(ZoneOffset.UTC));
            assertThat(mapped().day).isEqualTo(LocalDate.of(2024, 5, 6));
        }

        @Test
        void usesTheFieldAnnotationName() {
            assertThat(mapped().sku).isEqualTo("W-1");
        }

        @Test
        void aFractionIntoAnIntegralFieldNamesTheClassAndField() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> RowMapper.map(row("stock", 2.5), Product.class))
                    .withMessageContaining(Product.class.getName() + ".stock")
                    .withMessageContaining("2.5");
        }

        @Test
        void aClassWithoutNoArgConstructorIsRejectedNamingIt() {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> RowMapper.map(row("title", "x"), NoDefaultConstructor.class))
                    .withMessageContaining(NoDefaultConstructor.class.getName())
                    .withMessageContaining("no-arg constructor");
        }
    }

    @Nested
    class ToRow {

        private final EntitySchema schema = EntitySchema.builder("article")
                .field("title", "ShortText")
                .field("views", "Integer")
                .field("rating", "Float")
                .field("embedding", "Vector[2]")
                .field("state", "Categorical[DRAFT,PUBLISHED]")
                .field("links", "HyperG[target:Identifier,weight:Float]")
                .build();

        private final Article article = new Article("a1", "Hello", 7, 4.5f, List.of(1f, 0.5f), Set.of("x"),
                null, State.DRAFT, List.of(new Link("t1", 0.5)), null, null, false);

        @Test
        void keepsOnlySchemaFieldsInSchemaOrderAndLeavesOutNulls() {
            Map<String, Object> row = RowMapper.toRow(article, schema);

            assertThat(row).containsOnlyKeys("object_id", "title", "views", "rating", "embedding", "state", "links");
            assertThat(List.copyOf(row.keySet()).get(0)).isEqualTo("object_id");
        }

        @Test
        void writesEnumsAsNamesAndNestedRecordsAsMaps() {
            Map<String, Object> row = RowMapper.toRow(article, schema);

            assertThat(row.get("state")).isEqualTo("DRAFT");
            assertThat(row.get("links")).isEqualTo(List.of(Map.of("target", "t1", "weight", 0.5)));
        }

        @Test
        void producesValuesEveryFieldTypeAccepts() {
            Map<String, Object> row = RowMapper.toRow(article, schema);

            for (Map.Entry<String, Object> entry : row.entrySet()) {
                DType dtype = schema.field(entry.getKey()).dtype();
                assertThat(dtype.normalize(entry.getValue(), "article", entry.getKey())).as(entry.getKey()).isNotNull();
            }
        }

        @Test
        void roundTripsThroughMap() {
            Map<String, Object> row = RowMapper.toRow(article, schema);

            Article back = RowMapper.map(row, Article.class);

            assertThat(back.title()).isEqualTo("Hello");
            assertThat(back.links()).isEqualTo(article.links());
            assertThat(back.embedding()).isEqualTo(article.embedding());
        }

        @Test
        void readsPrivateFieldsOfClasses() {
            Product product = RowMapper.map(row("object_id", "p1", "stock", 5L, "sku_code", "W-2"), Product.class);
            EntitySchema productSchema = EntitySchema.builder("product").field("stock", "Integer")
                    .field("sku_code", "ShortText").build();

            assertThat(RowMapper.toRow(product, productSchema))
                    .isEqualTo(Map.of("object_id", "p1", "stock", 5L, "sku_code", "W-2"));
        }
    }
}
