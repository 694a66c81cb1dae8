package io.heavenbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    @Test
    void aMeasuredRowShowsBothScoresTheRatioAndWhetherTheTargetIsMet() {
        RowResult row = RowResult.measured("point get", "raw statement", Target.atLeast(0.9),
                new Measurement(900, 10, "ops/s"), new Measurement(1000, 20, "ops/s"));

        String table = RatioTable.markdown(List.of(row));

        assertThat(table).contains("| point get | raw statement | 900 ± 10.0 ops/s | 1,000 ± 20.0 ops/s | 0.90 | ≥ 0.9 | yes |");
    }

    @Test
    void aMissedTargetIsMarked() {
        RowResult row = RowResult.measured("near", "loop", Target.atLeast(0.9),
                new Measurement(10, 1, "ops/s"), new Measurement(100, 1, "ops/s"));

        assertThat(RatioTable.markdown(List.of(row))).contains("| 0.10 | ≥ 0.9 | **no** |");
    }

    @Test
    void aRowThatDidNotRunGivesItsReason() {
        RowResult row = RowResult.notRun("filtered query (postgres)", "raw statement", Target.atLeast(0.9),
                "backend type 'postgres' is not in this build of HeavenBase yet");

        assertThat(RatioTable.markdown(List.of(row)))
                .contains("| — | — | — | ≥ 0.9 | not run: backend type 'postgres' is not in this build of HeavenBase yet |");
    }
}
