package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import org.junit.jupiter.api.Test;

class ExprTextTest {

    @Test
    void givenSmallFilter_whenPrinted_thenReadable() {
        Filter filter = Filter.and(Filter.gt("qty", 4), Filter.not(Filter.eq("title", "x")));

        assertThat(filter.toString()).isEqualTo("and(qty gt 4, not(title eq 'x'))");
    }

    @Test
    void givenNotNested100000DeepOrExponentiallyShared_whenPrinted_thenCutWithoutRecursion() {
        Filter deep = Filter.eq("qty", 1);
        for (int i = 0; i < 100_000; i++) {
            deep = Filter.not(deep);
        }
        Filter shared = Filter.eq("qty", 1);
        for (int i = 0; i < 60; i++) {
            shared = shared.or(shared);
        }

        assertThat(deep.toString()).startsWith("not(not(").endsWith("...").hasSize(ExprText.MAX_CHARS + 3);
        assertThat(deep.expr().toString()).isEqualTo(deep.toString());
        assertThat(shared.toString()).startsWith("or(or(").endsWith("...");
    }
}
