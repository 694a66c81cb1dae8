package io.heavenbase.backend.chroma;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How filters become Chroma {@code where} clauses, and when a clause is exact rather than a superset. */
class WhereTranslatorTest {

    private static final EntityLayout LAYOUT = new EntityLayout("item", List.of(
            inline("title", "ShortText"), inline("qty", "Integer"), inline("price", "Float"),
            inline("flag", "Boolean"), inline("created", "Timestamp"), inline("day", "Date"),
            inline("tags", "Array[ShortText]")));
    private final WhereTranslator translator = new WhereTranslator(LAYOUT);

    @Test
    void givenEveryOperatorTheCapabilityTableDeclaresNative_whenTranslated_thenTheServerAnswersItExactly() {
        CapabilityTable table = new ChromaProvider().capabilities();
        int checked = 0;
        for (StoredField field : LAYOUT.fields()) {
            for (String op : Ops.applicable(field.dtype())) {
                if (table.isNative(field.dtype(), Strategy.INLINE_COLUMN, op)) {
                    Object value = op.equals(Ops.IN) || op.equals(Ops.NIN) ? List.of(sample(field)) : sample(field);
                    WhereTranslator.Where where = translator.translate(new Expr.Leaf(field.name(), Op.fromId(op), value));
                    assertThat(where.exact()).as("%s %s", field.name(), op).isTrue();
                    assertThat(where.clause()).as("%s %s", field.name(), op).isNotNull();
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(4 + 8 + 8 + 4 + 8 + 8);
    }

    @Test
    void givenEq_whenTranslated_thenAnEqCondition() {
        assertThat(json(new Expr.Leaf("title", Op.EQ, "x"))).isEqualTo("{\"title\":{\"$eq\":\"x\"}}");
    }

    @Test
    void givenNotEqAndNotIn_whenTranslated_thenNeAndNinWhichAlsoMatchMissingKeys() {
        assertThat(json(new Expr.Not(new Expr.Leaf("qty", Op.EQ, 3L)))).isEqualTo("{\"qty\":{\"$ne\":3}}");
        assertThat(json(new Expr.Not(new Expr.Leaf("qty", Op.IN, List.of(1L, 2L)))))
                .isEqualTo("{\"qty\":{\"$nin\":[1,2]}}");
        assertThat(json(new Expr.Not(new Expr.Leaf("qty", Op.NIN, List.of(1L))))).isEqualTo("{\"qty\":{\"$in\":[1]}}");
    }

    @Test
    void givenNotOverAndOr_whenTranslated_thenDeMorganPushesTheNegationToTheLeaves() {
        Expr filter = new Expr.Not(new Expr.And(List.of(new Expr.Leaf("title", Op.EQ, "x"),
                new Expr.Or(List.of(new Expr.Leaf("flag", Op.EQ, true), new Expr.Leaf("qty", Op.NE, 1L))))));

        assertThat(json(filter)).isEqualTo("{\"$or\":[{\"title\":{\"$ne\":\"x\"}},"
                + "{\"$and\":[{\"flag\":{\"$ne\":true}},{\"qty\":{\"$eq\":1}}]}]}");
    }

    @Test
    void givenTimestampDateAndFloatValues_whenTranslated_thenEncodedAsTheyAreStored() {
        assertThat(json(new Expr.Leaf("created", Op.GT, Instant.parse("1970-01-01T00:00:01.5Z"))))
                .isEqualTo("{\"created\":{\"$gt\":1500}}");
        assertThat(json(new Expr.Leaf("day", Op.LTE, LocalDate.of(1970, 1, 3)))).isEqualTo("{\"day\":{\"$lte\":2}}");
        assertThat(json(new Expr.Leaf("price", Op.EQ, 2L))).isEqualTo("{\"price\":{\"$eq\":2.0}}");
    }

    @Test
    void givenObjectId_whenTranslated_thenTheIdMetadataKey() {
        assertThat(json(new Expr.Leaf("object_id", Op.IN, List.of("a", "b"))))
                .isEqualTo("{\"hb:id\":{\"$in\":[\"a\",\"b\"]}}");
    }

    @Test
    void givenEmptyLists_whenTranslated_thenInSelectsNothingAndNinEverything() {
        assertThat(translator.translate(new Expr.Leaf("qty", Op.IN, List.of())).none()).isTrue();
        assertThat(translator.translate(new Expr.Leaf("qty", Op.NIN, List.of())).all()).isTrue();
        assertThat(translator.translate(new Expr.And(List.of(new Expr.Leaf("title", Op.EQ, "x"),
                new Expr.Leaf("qty", Op.IN, List.of())))).none()).isTrue();
        assertThat(translator.translate(new Expr.Or(List.of(new Expr.Leaf("title", Op.EQ, "x"),
                new Expr.Leaf("qty", Op.NIN, List.of())))).all()).isTrue();
    }

    @Test
    void givenANegatedRange_whenTranslated_thenASupersetToReCheck() {
        Expr filter = new Expr.And(List.of(new Expr.Leaf("title", Op.EQ, "x"),
                new Expr.Not(new Expr.Leaf("qty", Op.LT, 3L))));

        WhereTranslator.Where where = translator.translate(filter);

        assertThat(where.exact()).isFalse();
        assertThat(where.clause()).hasToString("{\"title\":{\"$eq\":\"x\"}}");
    }

    @Test
    void givenARangeOnTextOrAnOperatorWithoutNativeSupport_whenTranslated_thenAllRowsToReCheck() {
        for (Expr filter : List.of(new Expr.Leaf("title", Op.LT, "m"), new Expr.Leaf("qty", Op.NULL, true),
                new Expr.Leaf("tags", Op.ARRAY_CONTAINS, "a"))) {
            WhereTranslator.Where where = translator.translate(filter);

            assertThat(where.exact()).as("%s", filter).isFalse();
            assertThat(where.clause()).as("%s", filter).isNull();
        }
    }

    @Test
    void givenAnIntegerFieldComparedWithAFraction_whenTranslated_thenReCheckedRatherThanRounded() {
        assertThat(translator.translate(new Expr.Leaf("qty", Op.EQ, 2.5)).exact()).isFalse();
    }

    private String json(Expr filter) {
        WhereTranslator.Where where = translator.translate(filter);
        assertThat(where.exact()).as("exact translation of %s", filter).isTrue();
        return where.clause().toString();
    }

    private static Object sample(StoredField field) {
        switch (field.dtype().kind()) {
            case INTEGER:
                return 1L;
            case FLOAT:
                return 1.5;
            case BOOLEAN:
                return true;
            case TIMESTAMP:
                return Instant.EPOCH;
            case DATE:
                return LocalDate.EPOCH;
            default:
                return "x";
        }
    }

    private static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }
}
