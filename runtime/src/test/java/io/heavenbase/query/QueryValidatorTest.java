package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Metric;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.EntitySchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryValidatorTest {

    private final EntitySchema schema = EntitySchema.builder("product")
            .field("title", "ShortText")
            .field("price", "Float")
            .field("stock", "Integer")
            .field("status", "Categorical[new,used]")
            .field("tags", "Array[ShortText]")
            .field("sizes", "Array[Integer]")
            .field("meta", "Json")
            .field("at", "Timestamp")
            .field("day", "Date")
            .field("emb", "Vector[2]")
            .build();

    private QuerySpec validate(Expr filter) {
        return QueryValidator.validate(schema, QuerySpec.empty().withFilter(filter));
    }

    private Object validatedValue(String field, Op op, Object value) {
        return ((Expr.Leaf) validate(new Expr.Leaf(field, op, value)).filter()).value();
    }

    private ValidationException rejection(QuerySpec spec) {
        try {
            QueryValidator.validate(schema, spec);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException for " + spec);
    }

    private ValidationException rejection(String field, Op op, Object value) {
        return rejection(QuerySpec.empty().withFilter(new Expr.Leaf(field, op, value)));
    }

    private static QuerySpec near(float[] vector, int topK) {
        return QuerySpec.empty().withNear(new NearSpec("emb", vector, topK, Metric.COSINE));
    }

    @Test
    void integerValuesBecomeLongs() {
        assertThat(validatedValue("stock", Op.EQ, 3)).isEqualTo(3L);
    }

    @Test
    void floatFieldValuesBecomeDoubles() {
        assertThat(validatedValue("price", Op.LT, 10)).isEqualTo(10.0);
    }

    @Test
    void timestampStringsBecomeInstants() {
        assertThat(validatedValue("at", Op.GTE, "2024-01-02T03:04:05Z"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void dateStringsBecomeLocalDates() {
        assertThat(validatedValue("day", Op.EQ, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void inElementsAreEachNormalised() {
        assertThat(validatedValue("stock", Op.IN, List.of(1, 2))).isEqualTo(List.of(1L, 2L));
        assertThat(validatedValue("stock", Op.NIN, List.of(3))).isEqualTo(List.of(3L));
    }

    @Test
    void arrayContainsUsesTheElementType() {
        assertThat(validatedValue("sizes", Op.ARRAY_CONTAINS, 42)).isEqualTo(42L);
    }

    @Test
    void textBoundsMayBeAnyString() {
        assertThat(validatedValue("status", Op.LT, "zzz")).isEqualTo("zzz");
    }

    @Test
    void categoricalEqualityNeedsACategory() {
        assertThat(validatedValue("status", Op.EQ, "new")).isEqualTo("new");
        assertThat(rejection("status", Op.EQ, "broken").field()).isEqualTo("filter.status.$eq");
    }

    @Test
    void nestedTreesAreValidatedThroughout() {
        Expr expr = new Expr.Or(List.of(new Expr.Not(new Expr.Leaf("stock", Op.GT, 1)),
                new Expr.And(List.of(new Expr.Leaf("title", Op.MATCH, "red")))));

        QuerySpec spec = validate(expr);

        // values canonical throughout; the one-part AND is normalised away first
        assertThat(spec.filter()).isEqualTo(new Expr.Or(List.of(new Expr.Not(new Expr.Leaf("stock", Op.GT, 1L)),
                new Expr.Leaf("title", Op.MATCH, "red"))));
    }

    @Test
    void objectIdIsAFilterableField() {
        assertThat(validatedValue("object_id", Op.EQ, "p1")).isEqualTo("p1");
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        ValidationException e = rejection("colour", Op.EQ, "red");

        assertThat(e.field()).isEqualTo("filter.colour.$eq");
        assertThat(e.rule()).isEqualTo("unknown_field");
        assertThat(e.entity()).isEqualTo("product");
        assertThat(e.getMessage()).contains("colour").contains("title");
    }

    @Test
    void operatorThatDoesNotApplyIsRejected() {
        ValidationException e = rejection("tags", Op.LT, "a");

        assertThat(e.field()).isEqualTo("filter.tags.$lt");
        assertThat(e.rule()).isEqualTo("operator");
        assertThat(e.getMessage()).contains("Array[ShortText]");
    }

    @Test
    void matchOnNonTextIsRejected() {
        assertThat(rejection("price", Op.MATCH, "1").rule()).isEqualTo("operator");
    }

    @Test
    void equalityOnJsonIsRejected() {
        assertThat(rejection("meta", Op.EQ, "x").rule()).isEqualTo("operator");
    }

    @Test
    void nullTestAppliesToEveryField() {
        assertThat(validatedValue("meta", Op.NULL, true)).isEqualTo(true);
    }

    @Test
    void wrongValueTypeIsRejectedWithItsPath() {
        ValidationException e = rejection("price", Op.LT, "cheap");

        assertThat(e.field()).isEqualTo("filter.price.$lt");
    }

    @Test
    void nullMustBeGivenABoolean() {
        assertThat(rejection("title", Op.NULL, "yes").field()).isEqualTo("filter.title.$null");
    }

    @Test
    void matchAndContainedInNeedStrings() {
        assertThat(rejection("title", Op.MATCH, 3).field()).isEqualTo("filter.title.$match");
        assertThat(rejection("tags", Op.CONTAINED_IN, List.of("a")).field()).isEqualTo("filter.tags.$contained_in");
    }

    @Test
    void containedInNeedsTextElements() {
        assertThat(rejection("sizes", Op.CONTAINED_IN, "1 2").rule()).isEqualTo("operator");
    }

    @Test
    void comparisonWithNullIsRejected() {
        ValidationException e = rejection("title", Op.EQ, null);

        assertThat(e.rule()).isEqualTo("null_value");
        assertThat(e.getMessage()).contains("$null");
    }

    @Test
    void inNeedsAList() {
        assertThat(rejection("stock", Op.IN, 3).field()).isEqualTo("filter.stock.$in");
    }

    @Test
    void inElementOfWrongTypeIsRejected() {
        assertThat(rejection("stock", Op.IN, List.of(1, "two")).field()).startsWith("filter.stock.$in");
    }

    @Test
    void arrayContainsOfWrongElementTypeIsRejected() {
        assertThat(rejection("sizes", Op.ARRAY_CONTAINS, "big").field()).isEqualTo("filter.sizes.$array_contains");
    }

    @Test
    void nearVectorIsNormalised() {
        QuerySpec spec = QueryValidator.validate(schema, near(new float[] {1, 0}, 3));

        assertThat(spec.near().vector()).containsExactly(1f, 0f);
        assertThat(spec.near().topK()).isEqualTo(3);
    }

    @Test
    void nearOnUnknownFieldIsRejected() {
        QuerySpec spec = QuerySpec.empty().withNear(new NearSpec("nope", new float[] {1, 0}, 3, Metric.COSINE));

        assertThat(rejection(spec).field()).isEqualTo("near.field");
        assertThat(rejection(spec).rule()).isEqualTo("unknown_field");
    }

    @Test
    void nearOnNonVectorIsRejected() {
        QuerySpec spec = QuerySpec.empty().withNear(new NearSpec("price", new float[] {1, 0}, 3, Metric.COSINE));

        assertThat(rejection(spec).field()).isEqualTo("near.field");
    }

    @Test
    void nearVectorOfWrongLengthIsRejected() {
        ValidationException e = rejection(near(new float[] {1, 0, 0}, 3));

        assertThat(e.field()).isEqualTo("near.vector");
        assertThat(e.getMessage()).contains("3");
    }

    @Test
    void nearVectorWithNaNIsRejected() {
        assertThat(rejection(near(new float[] {Float.NaN, 0}, 3)).field()).isEqualTo("near.vector");
    }

    @Test
    void nearTopKBelowOneIsRejected() {
        assertThat(rejection(near(new float[] {1, 0}, 0)).field()).isEqualTo("near.top_k");
    }

    @Test
    void missingMetricBecomesCosine() {
        QuerySpec spec = QuerySpec.empty().withNear(new NearSpec("emb", new float[] {1, 0}, 3, null));

        assertThat(QueryValidator.validate(schema, spec).near().metric()).isEqualTo(Metric.COSINE);
    }

    @Test
    void selectOfKnownFieldsAndScoreWithNearIsAccepted() {
        QuerySpec spec = near(new float[] {1, 0}, 3).withSelect(List.of("title", "score"));

        assertThat(QueryValidator.validate(schema, spec).select()).containsExactly("title", "score");
    }

    @Test
    void selectOfScoreWithoutNearIsRejected() {
        ValidationException e = rejection(QuerySpec.empty().withSelect(List.of("title", "score")));

        assertThat(e.field()).isEqualTo("select[1]");
        assertThat(e.rule()).isEqualTo("score_without_near");
    }

    @Test
    void selectOfUnknownFieldIsRejected() {
        ValidationException e = rejection(QuerySpec.empty().withSelect(List.of("ghost")));

        assertThat(e.field()).isEqualTo("select[0]");
        assertThat(e.rule()).isEqualTo("unknown_field");
    }

    @Test
    void orderByScoreNeedsNear() {
        assertThat(rejection(QuerySpec.empty().withOrder(new SortKey("score", true))).field())
                .isEqualTo("order_by[0]");
        assertThat(QueryValidator.validate(schema, near(new float[] {1, 0}, 3).withOrder(new SortKey("score", true)))
                .orderBy()).containsExactly(new SortKey("score", true));
    }

    @Test
    void orderByUnorderableFieldIsRejected() {
        ValidationException e = rejection(QuerySpec.empty().withOrder(new SortKey("title", false))
                .withOrder(new SortKey("tags", false)));

        assertThat(e.field()).isEqualTo("order_by[1]");
        assertThat(e.rule()).isEqualTo("unorderable");
    }

    @Test
    void orderByUnknownFieldIsRejected() {
        assertThat(rejection(QuerySpec.empty().withOrder(new SortKey("ghost", false))).rule())
                .isEqualTo("unknown_field");
    }

    @Test
    void negativeOffsetOrLimitIsRejected() {
        assertThat(rejection(QuerySpec.empty().withOffset(-1)).field()).isEqualTo("offset");
        assertThat(rejection(QuerySpec.empty().withLimit(-1)).field()).isEqualTo("limit");
    }

    @Test
    void pagingIsKept() {
        QuerySpec spec = QueryValidator.validate(schema, QuerySpec.empty().withOffset(2).withLimit(0));

        assertThat(spec.offset()).isEqualTo(2);
        assertThat(spec.limit()).isZero();
    }

    @Test
    void unknownFieldMessageStaysShortForWideEntities() {
        EntitySchema.Builder wide = EntitySchema.builder("wide");
        for (int i = 0; i < 200; i++) {
            wide.field("field_" + i, "Integer");
        }
        EntitySchema wideSchema = wide.build();

        assertThatThrownBy(() -> QueryValidator.validate(wideSchema,
                QuerySpec.empty().withFilter(new Expr.Leaf("ghost", Op.EQ, 1))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("more")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }
}
