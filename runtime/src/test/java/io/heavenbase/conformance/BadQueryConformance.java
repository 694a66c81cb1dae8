package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heavenbase.Filter;
import io.heavenbase.ValidationException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Invalid queries, through the builder and JSON, are rejected with a {@link ValidationException}
 * naming the offending field or path, and never change stored data.
 */
public interface BadQueryConformance extends ConformanceContext {

    /** Asserts that {@code call} is rejected with a ValidationException mentioning {@code named}, changing nothing. */
    default void assertQueryRejected(ThrowingCallable call, String named) {
        if (ws().count(item()) == 0) {
            loadFixture();
        }
        Map<String, Object> before = snapshot(ConformanceRows.FIXTURE_IDS);

        assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessageContaining(named);

        assertThat(snapshot(ConformanceRows.FIXTURE_IDS)).isEqualTo(before);
    }

    @Test
    default void givenUnknownField_whenFilter_thenRejectedNamingIt() {
        assertQueryRejected(() -> ws().query(item()).where(Filter.eq("colour", "red")).execute(), "colour");
    }

    @Test
    default void givenFieldNameThatIsNotAnIdentifier_whenFilter_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).where(Filter.eq("drop table", 1)).execute(), "drop table");
    }

    @Test
    default void givenValueOfTheWrongType_whenFilter_thenRejectedNamingTheField() {
        assertQueryRejected(() -> ws().query(item()).where(Filter.gt(QTY, "many")).execute(), QTY);
    }

    @Test
    default void givenOperatorThatDoesNotApplyToTheType_whenFilter_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).where(Filter.match(QTY, "5")).execute(), QTY);
    }

    @Test
    default void givenArrayOperatorOnAScalar_whenFilter_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).where(Filter.arrayContains(TITLE, "a")).execute(), TITLE);
    }

    @Test
    default void givenVectorOfTheWrongLength_whenNear_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).near(EMBEDDING, new float[] {1, 0}, 3).execute(), "near.vector");
    }

    @Test
    default void givenVectorWithNaN_whenNear_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).near(EMBEDDING, new float[] {1, Float.NaN, 0}, 3).execute(),
                "near.vector");
    }

    @Test
    default void givenTopKBelowOne_whenNear_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).near(EMBEDDING, new float[] {1, 0, 0}, 0).execute(), "top_k");
    }

    @Test
    default void givenFieldThatIsNotAVector_whenNear_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).near(TITLE, new float[] {1, 0, 0}, 3).execute(), TITLE);
    }

    @Test
    default void givenUnknownField_whenOrderBy_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).orderBy("colour").execute(), "colour");
    }

    @Test
    default void givenUnorderableField_whenOrderBy_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).orderBy(EMBEDDING).execute(), EMBEDDING);
    }

    @Test
    default void givenNegativeLimit_whenExecute_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).limit(-1).execute(), "limit");
    }

    @Test
    default void givenNegativeOffset_whenExecute_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).offset(-1).execute(), "offset");
    }

    @Test
    default void givenUnknownColumn_whenSelect_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).select(TITLE, "colour").execute(), "colour");
    }

    @Test
    default void givenScoreWithoutNear_whenSelect_thenRejected() {
        assertQueryRejected(() -> ws().query(item()).select("score").execute(), "score");
    }

    @Test
    default void givenInvalidQuery_whenCountOrExplain_thenRejectedToo() {
        assertQueryRejected(() -> ws().query(item()).where(Filter.eq("colour", "red")).count(), "colour");
        assertQueryRejected(() -> ws().query(item()).where(Filter.eq("colour", "red")).explain(), "colour");
    }

    @Test
    default void givenEntityIdThatIsNotAnIdentifier_whenQuery_thenRejected() {
        assertQueryRejected(() -> ws().query("Bad Name").execute(), "Bad Name");
    }

    @Test
    default void givenMalformedJson_whenQueryJson_thenRejected() {
        assertQueryRejected(() -> ws().queryJson(item(), "{\"filter\": {\"title\": "), "JSON");
    }

    @Test
    default void givenUnknownOperator_whenQueryJson_thenRejectedNamingThePath() {
        String json = "{\"filter\": {\"title\": {\"$regex\": \"a.*\"}}}";

        assertQueryRejected(() -> ws().queryJson(item(), json), "$regex");

        ValidationException error = catchThrowableOfType(ValidationException.class, () -> ws().queryJson(item(), json));
        assertThat(error.field()).contains(TITLE).contains("$regex");
    }

    @Test
    default void givenUnknownTopLevelKey_whenQueryJson_thenRejected() {
        assertQueryRejected(() -> ws().queryJson(item(), Map.of("where", Map.of(TITLE, "a"))), "where");
    }

    @Test
    default void givenUnknownField_whenQueryJson_thenRejected() {
        assertQueryRejected(() -> ws().queryJson(item(), Map.of("filter", Map.of("colour", "red"))), "colour");
    }

    @Test
    default void givenNonListForIn_whenQueryJson_thenRejected() {
        assertQueryRejected(() -> ws().queryJson(item(), Map.of("filter", Map.of(QTY, Map.of("$in", 5)))), QTY);
    }

    @Test
    default void givenWrongNearShape_whenQueryJson_thenRejected() {
        assertQueryRejected(() -> ws().queryJson(item(), Map.of("near", Map.of("field", EMBEDDING, "vector",
                List.of(1, 0, 0), "top_k", "three"))), "top_k");
    }

    @Test
    default void givenMatchWithNonTextValue_whenQueryJson_thenRejected() {
        assertQueryRejected(() -> ws().queryJson(item(), Map.of("filter", Map.of(BODY, Map.of("$match", 5)))), BODY);
    }
}
