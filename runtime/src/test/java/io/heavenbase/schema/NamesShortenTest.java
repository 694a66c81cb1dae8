package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesShortenTest {

    @Test
    void givenMapsContainingEachOther_whenShortened_thenABoundedPreview() {
        Map<String, Object> first = new HashMap<>();
        Map<String, Object> second = new HashMap<>();
        first.put("other", second);
        second.put("other", first);

        assertThat(Names.shorten(first)).startsWith("{other={other={other=").hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void givenListNested100000Deep_whenShortened_thenABoundedPreview() {
        Object deep = "x";
        for (int i = 0; i < 100_000; i++) {
            deep = List.of(deep);
        }

        assertThat(Names.shorten(deep)).isEqualTo("[[[[...]]]]");
    }

    @Test
    void givenShortAndLongPlainValues_whenShortened_thenKeptOrCut() {
        assertThat(Names.shorten(List.of(1, "a"))).isEqualTo("[1, a]");
        assertThat(Names.shorten("y".repeat(200))).hasSize(80).endsWith("...");
    }
}
