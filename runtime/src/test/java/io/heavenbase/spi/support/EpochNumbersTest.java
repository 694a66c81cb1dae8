package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.schema.DType.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EpochNumbersTest {

    @Test
    void givenTemporalValues_whenCounted_thenEpochMillisAndDaysThatReadBack() {
        Instant instant = Instant.parse("2024-02-29T12:34:56.789Z");
        LocalDate date = LocalDate.of(1969, 12, 31);

        assertThat(EpochNumbers.toNumber(Kind.TIMESTAMP, instant)).isEqualTo(1709210096789L);
        assertThat(EpochNumbers.toNumber(Kind.DATE, date)).isEqualTo(-1L);
        assertThat(EpochNumbers.fromNumber(Kind.TIMESTAMP, 1709210096789L)).isEqualTo(instant);
        assertThat(EpochNumbers.fromNumber(Kind.DATE, -1L)).isEqualTo(date);
    }

    @Test
    void givenAValueOfAnotherClassOrBeyondLongMillis_whenCountedExactly_thenEmpty() {
        assertThat(EpochNumbers.exactNumber(Kind.TIMESTAMP, LocalDate.EPOCH)).isEmpty();
        assertThat(EpochNumbers.exactNumber(Kind.DATE, "1970-01-01")).isEmpty();
        assertThat(EpochNumbers.exactNumber(Kind.TIMESTAMP, Instant.MAX)).isEmpty();
        assertThat(EpochNumbers.exactNumber(Kind.DATE, LocalDate.of(1970, 1, 3))).isEqualTo(OptionalLong.of(2));
        assertThatThrownBy(() -> EpochNumbers.toNumber(Kind.TIMESTAMP, Instant.MAX))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void givenAnotherKind_whenAsked_thenNotCountedAndRefused() {
        assertThat(EpochNumbers.counts(Kind.TIMESTAMP)).isTrue();
        assertThat(EpochNumbers.counts(Kind.DATE)).isTrue();
        assertThat(EpochNumbers.counts(Kind.INTEGER)).isFalse();
        assertThat(EpochNumbers.accepts(Kind.INTEGER, 1L)).isFalse();
        assertThatThrownBy(() -> EpochNumbers.toNumber(Kind.INTEGER, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpochNumbers.fromNumber(Kind.FLOAT, 1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
