package io.heavenbase.backend.lance;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.schema.DType;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Literals of Lance's filter language: nothing a value contains can end the literal early. */
class LanceLiteralsTest {

    @Test
    void givenQuotes_whenWrittenAsText_thenTheyAreDoubled() {
        assertThat(LanceLiterals.text("it's ''")).isEqualTo("'it''s '''''");
    }

    @Test
    void givenBackslashesAndNewlines_whenWrittenAsText_thenTheyStayAsTheyAre() {
        assertThat(LanceLiterals.text("a\\'b\n")).isEqualTo("'a\\''b\n'");
    }

    @Test
    void givenCharactersOutsideTheBmp_whenWrittenAsText_thenTheyBecomeChrCalls() {
        assertThat(LanceLiterals.text("a😀'")).isEqualTo("('a' || chr(128512) || '''')");
        assertThat(LanceLiterals.text("😀")).isEqualTo("chr(128512)");
        assertThat(LanceLiterals.text("")).isEqualTo("''");
    }

    @Test
    void givenExtremeIntegers_whenWritten_thenTheyStayInt64() {
        assertThat(LanceLiterals.of(DType.INTEGER, Long.MIN_VALUE)).isEqualTo("(-9223372036854775807 - 1)");
        assertThat(LanceLiterals.of(DType.INTEGER, Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    }

    @Test
    void givenTimesAndDates_whenWritten_thenTheyAreCastFromEpochCounts() {
        assertThat(LanceLiterals.of(DType.TIMESTAMP, Instant.ofEpochMilli(-1)))
                .isEqualTo("arrow_cast(-1, 'Timestamp(Millisecond, Some(\"UTC\"))')");
        assertThat(LanceLiterals.of(DType.DATE, LocalDate.of(1970, 1, 2))).isEqualTo("arrow_cast(1, 'Date32')");
    }
}
