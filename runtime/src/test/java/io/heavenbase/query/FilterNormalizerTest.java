package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ValidationException;
import io.heavenbase.schema.InputLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterNormalizerTest {

    private static final Expr A = new Expr.Leaf("a", Op.EQ, 1L);
    private static final Expr B = new Expr.Leaf("b", Op.LT, 2L);
    private static final Expr C = new Expr.Leaf("c", Op.NULL, true);

    @Test
    void givenNestedAndsAndOrs_whenNormalized_thenFlattenedAndDeduplicated() {
        Expr nested = new Expr.And(List.of(new Expr.And(List.of(A, B)), new Expr.And(List.of(B, C)), A));

        assertThat(FilterNormalizer.normalize(nested)).isEqualTo(new Expr.And(List.of(A, B, C)));
        assertThat(FilterNormalizer.normalize(new Expr.Or(List.of(new Expr.Or(List.of(A)), new Expr.Or(List.of(B))))))
                .isEqualTo(new Expr.Or(List.of(A, B)));
    }

    @Test
    void givenNotOverAndOr_whenNormalized_thenDeMorganDownToTheLeaves() {
        Expr expr = new Expr.Not(new Expr.And(List.of(A, new Expr.Or(List.of(B, new Expr.Not(C))))));

        assertThat(FilterNormalizer.normalize(expr)).isEqualTo(new Expr.Or(List.of(new Expr.Not(A),
                new Expr.And(List.of(new Expr.Not(B), C)))));
    }

    @Test
    void givenNotNested10000Deep_whenNormalized_thenTheLeafOrItsNegationWithoutRecursion() {
        Expr even = A;
        for (int i = 0; i < 5_000; i++) {
            even = new Expr.Not(new Expr.Not(even));
        }

        assertThat(FilterNormalizer.normalize(even)).isEqualTo(A);
        assertThat(FilterNormalizer.normalize(new Expr.Not(even))).isEqualTo(new Expr.Not(A));
    }

    @Test
    void givenChainOfAndsThousandsDeep_whenNormalized_thenOneFlatAnd() {
        Expr chain = A;
        for (int i = 0; i < 5_000; i++) {
            chain = new Expr.And(List.of(chain, new Expr.Leaf("n", Op.NE, (long) i)));
        }

        Expr normal = FilterNormalizer.normalize(chain);

        assertThat(normal).isInstanceOf(Expr.And.class);
        assertThat(((Expr.And) normal).children()).hasSize(5_001);
        assertThat(FilterNormalizer.depth(normal)).isEqualTo(1);
    }

    @Test
    void givenEmptyJunctions_whenInsideOthers_thenAbsorbedAsTrueAndFalse() {
        Expr alwaysTrue = new Expr.And(List.of());
        Expr alwaysFalse = new Expr.Or(List.of());

        assertThat(FilterNormalizer.normalize(new Expr.Or(List.of(A, alwaysTrue)))).isEqualTo(alwaysTrue);
        assertThat(FilterNormalizer.normalize(new Expr.And(List.of(A, alwaysFalse)))).isEqualTo(alwaysFalse);
        assertThat(FilterNormalizer.normalize(new Expr.And(List.of(A, alwaysTrue)))).isEqualTo(A);
        assertThat(FilterNormalizer.normalize(new Expr.Not(alwaysTrue))).isEqualTo(alwaysFalse);
    }

    @Test
    void givenAlternatingNestDeeperThanTheLimit_whenNormalized_thenValidationExceptionOnFilter() {
        Expr nest = A;
        for (int i = 0; i <= InputLimits.MAX_FILTER_DEPTH; i++) {
            Expr leaf = new Expr.Leaf("n", Op.EQ, (long) i);
            nest = i % 2 == 0 ? new Expr.And(List.of(nest, leaf)) : new Expr.Or(List.of(nest, leaf));
        }
        Expr tooDeep = nest;

        assertThatThrownBy(() -> FilterNormalizer.normalize(tooDeep)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(String.valueOf(InputLimits.MAX_FILTER_DEPTH))
                .extracting(e -> ((ValidationException) e).rule()).isEqualTo("filter_depth");
    }

    @Test
    void givenSharedSubtreesDoubled_whenOverTheNodeLimit_thenRejectedBeforeExpanding() {
        Expr doubling = A;
        for (int i = 0; i < 60; i++) {
            doubling = new Expr.Or(List.of(doubling, doubling));
        }
        Expr huge = doubling;

        assertThatThrownBy(() -> FilterNormalizer.normalize(huge)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).rule()).isEqualTo("filter_size");
    }
}
