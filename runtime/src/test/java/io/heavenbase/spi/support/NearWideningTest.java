package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearWideningTest {

    @Test
    void givenTopK_whenTheFirstRequestIsSized_thenFourTimesKWithAFloor() {
        assertThat(NearWidening.firstRequest(10, 100)).isEqualTo(100);
        assertThat(NearWidening.firstRequest(50, 100)).isEqualTo(200);
    }

    @Test
    void givenTooFewSurvivors_whenWidened_thenEachRequestIsFourTimesTheLastUntilOneAnswers() {
        List<Long> asked = new ArrayList<>();

        Optional<String> answer = NearWidening.widen(100, 10_000, size -> {
            asked.add(size);
            return size >= 1_600 ? Optional.of("found at " + size) : Optional.empty();
        });

        assertThat(asked).containsExactly(100L, 400L, 1_600L);
        assertThat(answer).contains("found at 1600");
    }

    @Test
    void givenNoAnswerBelowTheBound_whenWidened_thenEmptySoTheExactPathRuns() {
        List<Long> asked = new ArrayList<>();

        Optional<String> answer = NearWidening.widen(100, 1_000, size -> {
            asked.add(size);
            return Optional.empty();
        });

        assertThat(asked).containsExactly(100L, 400L);
        assertThat(answer).isEmpty();
    }

    @Test
    void givenAFirstRequestAtTheBound_whenWidened_thenNoRequestAtAll() {
        assertThat(NearWidening.<String>widen(500, 500, size -> Optional.of("asked"))).isEmpty();
    }
}
