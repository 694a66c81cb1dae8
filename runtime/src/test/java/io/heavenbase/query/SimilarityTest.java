package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.heavenbase.Metric;
import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void cosineOfOrthogonalVectorsIsZero() {
        assertThat(Similarity.score(Metric.COSINE, new float[] {1, 0}, new float[] {0, 1})).isZero();
    }

    @Test
    void cosineIgnoresLength() {
        assertThat(Similarity.score(Metric.COSINE, new float[] {3, 0}, new float[] {1, 0})).isCloseTo(1.0,
                within(1e-12));
    }

    @Test
    void cosineOfHandComputedPair() {
        // (1*3 + 2*4) / (sqrt(5) * 5) = 11 / 11.1803398875 = 0.98386991
        assertThat(Similarity.score(Metric.COSINE, new float[] {1, 2}, new float[] {3, 4})).isCloseTo(0.9838699101,
                within(1e-9));
    }

    @Test
    void cosineWithZeroNormIsZero() {
        assertThat(Similarity.score(Metric.COSINE, new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void dotIsTheInnerProduct() {
        assertThat(Similarity.score(Metric.DOT, new float[] {1, 2}, new float[] {3, -4})).isEqualTo(-5.0);
    }

    @Test
    void l2IsOneOverOnePlusDistance() {
        // distance between (0,0) and (3,4) is 5, score 1/6
        assertThat(Similarity.score(Metric.L2, new float[] {0, 0}, new float[] {3, 4})).isCloseTo(1.0 / 6.0,
                within(1e-12));
        assertThat(Similarity.score(Metric.L2, new float[] {1, 1}, new float[] {1, 1})).isEqualTo(1.0);
    }

    @Test
    void computesInDoubleWithoutFloatOverflow() {
        float big = 3e38f;
        assertThat(Similarity.score(Metric.DOT, new float[] {big, big}, new float[] {big, big})).isCloseTo(1.8e77,
                within(1e74));
    }

    @Test
    void rejectsVectorsOfDifferentLengths() {
        assertThatThrownBy(() -> Similarity.score(Metric.DOT, new float[] {1}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1").hasMessageContaining("2");
    }
}
