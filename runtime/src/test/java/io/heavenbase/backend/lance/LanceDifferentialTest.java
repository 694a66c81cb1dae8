package io.heavenbase.backend.lance;

import static io.heavenbase.conformance.DifferentialCheck.named;

import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.DifferentialCheck;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite's seeded random rows and queries on lance (alone, and as {@code vec} of the
 * split conformance layout) and on one inmem store must give the same ids in the same order, the
 * same values and the same scores (to float precision: lance keeps vectors in float). Set
 * {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
class LanceDifferentialTest {

    private static final DifferentialCheck CHECK = new DifferentialCheck(DifferentialCheck.seed(20_240_611L), 300, 200,
            1e-5);

    static Stream<Supplier<ConformanceLayout>> layouts() {
        return Stream.of(named("lance", () -> new LanceConformanceTest().layout()),
                named("sqlite+lance+inmem", () -> new LanceSplitConformanceTest().layout()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenRandomData_whenRandomQueriesRun_thenLanceAnswersExactlyLikeOneInMemStore(
            Supplier<ConformanceLayout> layout) {
        CHECK.assertAnswersLikeInMem(layout.get());
    }
}
