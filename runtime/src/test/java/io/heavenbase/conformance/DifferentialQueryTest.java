package io.heavenbase.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: the same seeded random data and random queries on another layout (split
 * over several backends, or pushed down to SQL) and on one inmem store must give the same ids in the same order, the same scores and the same values.
 * Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
class DifferentialQueryTest {

    private static final DifferentialCheck CHECK = new DifferentialCheck(DifferentialCheck.seed(20_240_611L), 300, 200,
            1e-5);

    static Stream<ConformanceLayout> layouts() {
        return Stream.of(ConformanceLayouts.splitInMem(), ConformanceLayouts.debugLike(),
                ConformanceLayouts.sqliteMemory());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenRandomData_whenRandomQueriesRun_thenTheLayoutAnswersExactlyLikeOneInMemStore(ConformanceLayout layout) {
        CHECK.assertAnswersLikeInMem(layout);
    }
}
