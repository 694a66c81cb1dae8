package io.heavenbase.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FilterBudgetTest {

    private static Expr.Leaf in(int values) {
        return new Expr.Leaf("qty", Op.IN, LongStream.range(0, values).boxed().map(Object.class::cast).toList());
    }

    private static Expr orOf(int leaves) {
        List<Expr> parts = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            parts.add(new Expr.Leaf("qty", Op.EQ, (long) i));
        }
        return new Expr.Or(parts);
    }

    @Test
    void givenDefaultListLimit_whenListGrows_thenEachValueIsOneTerm() {
        FilterBudget budget = new FilterBudget(1_000, 50);

        assertThat(budget.maxListValues()).isEqualTo(999);
        assertThat(budget.size(in(999))).isEqualTo(1_000);
        assertThat(budget.admits(in(999))).isTrue();
        assertThat(budget.admits(in(1_000))).isFalse();
    }

    @Test
    void givenLongerLists_whenSized_thenAFullListWeighsAFullBudgetAndTreesStayLimited() {
        FilterBudget budget = new FilterBudget(500, 50).withListValues(10_000);

        assertThat(budget.admits(in(10_000))).isTrue();
        assertThat(budget.admits(in(10_001))).isFalse();
        assertThat(budget.size(in(20))).isEqualTo(2);
        assertThat(budget.admits(orOf(499))).isTrue();
        assertThat(budget.admits(orOf(500))).isFalse();
        assertThat(budget.admits(new Expr.Or(List.of(in(5_000), in(5_000))))).isFalse();
        assertThat(budget.admits(new Expr.Or(List.of(in(4_900), in(4_900))))).isTrue();
    }

    @Test
    void givenNoListValue_whenBudgetIsMade_thenRejected() {
        assertThatThrownBy(() -> new FilterBudget(100, 10).withListValues(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists of 1 value");
    }
}
