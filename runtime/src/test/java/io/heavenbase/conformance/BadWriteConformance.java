package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.ID;
import static io.heavenbase.conformance.ConformanceEntity.META;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.SUMMARY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.row;
import static io.heavenbase.conformance.ConformanceRows.vec;
import static io.heavenbase.conformance.ConformanceRows.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Filter;
import io.heavenbase.MetaSchema;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every write entry point rejects invalid input with a {@link ValidationException} that names what
 * is wrong, and leaves stored data exactly as it was (a batch with one bad row writes nothing).
 */
public interface BadWriteConformance extends ConformanceContext {

    /** Asserts that {@code call} is rejected with a ValidationException mentioning {@code named}, changing nothing. */
    default void assertRejectedWithoutChange(ThrowingCallable call, String named) {
        loadFixtureOnce();
        List<String> watched = new ArrayList<>(ConformanceRows.FIXTURE_IDS);
        watched.add("fresh");
        Map<String, Object> before = snapshot(watched);

        assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessageContaining(named);

        assertThat(snapshot(watched)).isEqualTo(before);
    }

    /** Loads the fixture unless the test already did. */
    default void loadFixtureOnce() {
        if (ws().count(item()) == 0) {
            loadFixture();
        }
    }

    @Test
    default void givenTextOverItsMaximumLength_whenUpsertOverAnExistingRow_thenRejectedAndRowUnchanged() {
        Map<String, Object> bad = with(ConformanceRows.fixtureRow("r01"), TITLE, "x".repeat(256));

        assertRejectedWithoutChange(() -> ws().upsert(item(), bad), TITLE);
    }

    @Test
    default void givenMediumTextOverItsMaximumLength_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", SUMMARY, "m".repeat(4096))), SUMMARY);
    }

    @Test
    default void givenVectorOfTheWrongLength_whenUpsert_thenRejectedAndRowUnchanged() {
        Map<String, Object> bad = with(ConformanceRows.fixtureRow("r01"), EMBEDDING, vec(1, 2));

        assertRejectedWithoutChange(() -> ws().upsert(item(), bad), EMBEDDING);
    }

    @Test
    default void givenVectorWithNaN_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", EMBEDDING, vec(1, Float.NaN, 0))), EMBEDDING);
    }

    @Test
    default void givenVectorWithInfinity_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(
                () -> ws().upsert(item(), row("fresh", EMBEDDING, List.of(1.0, Double.POSITIVE_INFINITY, 0.0))),
                EMBEDDING);
    }

    @Test
    default void givenFloatThatIsNotFinite_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", PRICE, Double.NaN)), PRICE);
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", PRICE, Double.NEGATIVE_INFINITY)), PRICE);
    }

    @Test
    default void givenUnknownField_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", "colour", "red")), "colour");
    }

    @Test
    default void givenFieldNameThatIsNotAnIdentifier_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", "drop table", "x")), "drop table");
    }

    @Test
    default void givenValueOfTheWrongType_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", QTY, "twelve")), QTY);
    }

    @Test
    default void givenValueOutsideTheCategories_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", COLOR, "purple")), COLOR);
    }

    @Test
    default void givenJsonFieldWithANonJsonValue_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("fresh", META, Map.of("when", new Object()))), META);
    }

    @Test
    default void givenObjectIdOver63Chars_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), row("i".repeat(64), TITLE, "long id")), "object_id");
    }

    @Test
    default void givenRowWithNeitherObjectIdNorName_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(item(), Map.of(TITLE, "anonymous")), "object_id");
    }

    @Test
    default void givenEntityIdThatIsNotAnIdentifier_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert("Bad Name", row("fresh", TITLE, "x")), "Bad Name");
    }

    @Test
    default void givenUnregisteredEntity_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert("never-registered", row("fresh", TITLE, "x")), "never-registered");
    }

    @Test
    default void givenBatchWithOneBadRow_whenUpsertMany_thenNothingIsWritten() {
        List<Map<String, Object>> batch = List.of(row("fresh", TITLE, "new"),
                with(ConformanceRows.fixtureRow("r02"), TITLE, "changed"),
                row("bad", QTY, 1, EMBEDDING, vec(1, 2, 3, 4)));

        assertRejectedWithoutChange(() -> ws().upsertMany(item(), batch), EMBEDDING);
        assertThat(ws().get(item(), "bad")).isEmpty();
    }

    @Test
    default void givenBatchWithARowLackingIdAndName_whenUpsertMany_thenNothingIsWritten() {
        List<Map<String, Object>> batch = List.of(row("fresh", TITLE, "new"), Map.of(TITLE, "no id and no name"));

        assertRejectedWithoutChange(() -> ws().upsertMany(item(), batch), "object_id");
    }

    @Test
    default void givenOverLongText_whenSet_thenRejectedAndRowUnchanged() {
        assertRejectedWithoutChange(() -> ws().set(item(), "r01", Map.of(TITLE, "x".repeat(256), QTY, 99)), TITLE);
    }

    @Test
    default void givenUnknownField_whenSet_thenRejectedAndRowUnchanged() {
        assertRejectedWithoutChange(() -> ws().set(item(), "r01", Map.of(QTY, 99, "colour", "red")), "colour");
    }

    @Test
    default void givenPatchThatChangesTheObjectId_whenSet_thenRejectedAndRowUnchanged() {
        assertRejectedWithoutChange(() -> ws().set(item(), "r01", Map.of("object_id", "r99")), "object_id");
    }

    @Test
    default void givenObjectIdOver63Chars_whenSet_thenRejected() {
        assertRejectedWithoutChange(() -> ws().set(item(), "i".repeat(64), Map.of(QTY, 1)), "object_id");
    }

    @Test
    default void givenObjectIdOver63Chars_whenGet_thenRejected() {
        assertRejectedWithoutChange(() -> ws().get(item(), "i".repeat(64)), "object_id");
    }

    @Test
    default void givenEntityIdThatIsNotAnIdentifier_whenGet_thenRejected() {
        assertRejectedWithoutChange(() -> ws().get("Bad Name", "r01"), "Bad Name");
    }

    @Test
    default void givenObjectIdOver63Chars_whenDelete_thenRejected() {
        assertRejectedWithoutChange(() -> ws().delete(item(), "i".repeat(64)), "object_id");
    }

    @Test
    default void givenEntityIdThatIsNotAnIdentifier_whenCount_thenRejected() {
        assertRejectedWithoutChange(() -> ws().count("Bad Name"), "Bad Name");
    }

    @Test
    default void givenEntityIdThatIsNotAnIdentifier_whenBuildingASchema_thenRejected() {
        assertRejectedWithoutChange(() -> ws().register(EntitySchema.builder("Bad Name").build()), "Bad Name");
    }

    @Test
    default void givenFieldNameThatIsNotAnIdentifier_whenRegisteringAMapDefinition_thenRejected() {
        assertRejectedWithoutChange(() -> ws().register(EntitySchema.fromMap(Map.of("name", "conf-bad",
                "fields", Map.of("drop table", "ShortText")))), "drop table");
        assertThat(ws().query(MetaSchema.class)
                .where(Filter.eq("entity", "conf-bad")).execute().isEmpty()).isTrue();
    }

    @Test
    default void givenNullRow_whenUpsert_thenRejected() {
        assertRejectedWithoutChange(() -> ws().upsert(ID, null), ID);
    }
}
