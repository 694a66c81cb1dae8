package io.heavenbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowBuilderTest {

    @Test
    void theRowHoldsTheFieldsInTheOrderTheyWerePut() {
        Row row = Row.builder(3).put("object_id", "n1").put("title", "kettle").put("qty", 3L).build();

        assertThat(row.keySet()).containsExactly("object_id", "title", "qty");
        assertThat(row.id()).isEqualTo("n1");
        assertThat(row.getString("title")).isEqualTo("kettle");
        assertThat(row.getLong("qty")).isEqualTo(3L);
    }

    @Test
    void aRepeatedPutReplacesTheValueInItsPlace() {
        Row row = Row.builder(2).put("object_id", "n1").put("title", "a").put("object_id", "n2").build();

        assertThat(List.copyOf(row.values())).containsExactly("n2", "a");
    }

    @Test
    void theRowCannotBeChanged() {
        Row row = Row.builder(1).put("object_id", "n1").build();

        assertThatThrownBy(() -> row.put("title", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(row).containsOnlyKeys("object_id");
    }

    @Test
    void aBuilderBuildsOnceSoNoRowSharesItsMap() {
        Row.Builder builder = Row.builder(1).put("object_id", "n1");
        Row row = builder.build();

        assertThatThrownBy(() -> builder.put("title", "late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already built");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(row).containsOnlyKeys("object_id");
    }
}
