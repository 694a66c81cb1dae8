package io.heavenbase.backend.chroma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.EntityLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chroma collection names of entity parts. */
class ChromaCollectionNameTest {

    private static final String PROPERTY = "heavenbase.backends.vec.prefix";

    @Test
    void givenAPrefixAndAKebabEntity_whenNamed_thenPrefixPlusUnderscoredId() {
        assertThat(ChromaCollectionName.of(layout("order-line"), "shop_", PROPERTY)).isEqualTo("shop_order_line");
    }

    @Test
    void givenANameShorterThanChromaAccepts_whenNamed_thenSuffixedToAValidDistinctName() {
        assertThat(ChromaCollectionName.of(layout("a"), "", PROPERTY)).isEqualTo("a__hb");
        assertThat(ChromaCollectionName.of(layout("ab"), "", PROPERTY)).isEqualTo("ab__hb");
        assertThat(ChromaCollectionName.of(layout("abc"), "", PROPERTY)).isEqualTo("abc");
    }

    @Test
    void givenAPrefixStartingWithUnderscore_whenNamed_thenRejectedNamingThePrefixProperty() {
        assertThatThrownBy(() -> ChromaCollectionName.of(layout("item"), "_x", PROPERTY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(PROPERTY)
                .hasMessageContaining("'item'")
                .satisfies(e -> assertThat(((ConfigurationException) e).property()).isEqualTo(PROPERTY));
    }

    @Test
    void givenANameLongerThanChromaAccepts_whenNamed_thenRejected() {
        String longId = "e" + "x".repeat(60);

        assertThatThrownBy(() -> ChromaCollectionName.of(layout(longId), "prefix_", PROPERTY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("63");
    }

    private static EntityLayout layout(String id) {
        return new EntityLayout(id, List.of());
    }
}
