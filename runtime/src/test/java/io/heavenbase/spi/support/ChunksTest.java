package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void givenIds_whenChunked_thenConsecutiveBatchesOfTheSizeAndAShorterLastOne() {
        assertThat(Chunks.of(List.of("a", "b", "c", "d", "e"), 2))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(Chunks.of(List.of("a", "b"), 2)).containsExactly(List.of("a", "b"));
    }

    @Test
    void givenRepeatedIds_whenChunked_thenEachIdOnceInItsFirstPlace() {
        assertThat(Chunks.of(List.of("b", "a", "b", "c", "a"), 2)).containsExactly(List.of("b", "a"), List.of("c"));
    }

    @Test
    void givenNoIds_whenChunked_thenNoBatches() {
        assertThat(Chunks.of(List.of(), 3)).isEmpty();
    }

    @Test
    void givenANonPositiveSize_whenChunked_thenRefused() {
        assertThatThrownBy(() -> Chunks.of(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
