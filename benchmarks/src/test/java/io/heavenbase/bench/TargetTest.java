package io.heavenbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aThroughputTargetIsMetAtOrAboveItsRatio() {
        Target target = Target.atLeast(0.9);

        assertThat(target.met(0.9)).isTrue();
        assertThat(target.met(0.89)).isFalse();
    }

    @Test
    void aTimeTargetIsMetAtOrBelowItsRatio() {
        Target target = Target.atMost(1.3);

        assertThat(target.met(1.3)).isTrue();
        assertThat(target.met(1.31)).isFalse();
    }

    @Test
    void aReportOnlyRowHasNoTargetToMiss() {
        Target target = Target.report();

        assertThat(target.met(42.0)).isTrue();
        assertThat(target).hasToString("report");
    }

    @Test
    void targetsPrintAsTheIssueWritesThem() {
        assertThat(Target.atLeast(1.6)).hasToString("≥ 1.6");
        assertThat(Target.atMost(1.3)).hasToString("≤ 1.3");
    }
}
