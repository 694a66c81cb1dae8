package io.heavenbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.bench.data.PlainCosineTopK;
import org.junit.jupiter.api.Test;

class PlainCosineTopKTest {

    private static final float[] QUERY = {1, 0};

    @Test
    void keepsTheMostSimilarVectorsBestFirst() {
        PlainCosineTopK top = new PlainCosineTopK(2);

        top.offer("far", new float[] {-1, 0}, QUERY);
        top.offer("same", new float[] {3, 0}, QUERY);
        top.offer("diagonal", new float[] {1, 1}, QUERY);

        assertThat(top.ids()).containsExactly("same", "diagonal");
    }

    @Test
    void breaksTiesByTheSmallerId() {
        PlainCosineTopK top = new PlainCosineTopK(1);

        top.offer("b", new float[] {1, 0}, QUERY);
        top.offer("a", new float[] {2, 0}, QUERY);

        assertThat(top.ids()).containsExactly("a");
    }
}
