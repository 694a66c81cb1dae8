package io.heavenbase.backend.elasticsearch;

import static io.heavenbase.conformance.DifferentialCheck.named;

import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.DifferentialCheck;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite's seeded random rows and queries on elasticsearch (alone, as {@code search}
 * and as {@code vec} of the split conformance layouts) and on one inmem store must give the same ids
 * in the same order, the same values and the same scores (to float precision: the server computes
 * vector scores in float). Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
class ElasticsearchDifferentialTest {

    private static final DifferentialCheck CHECK = new DifferentialCheck(DifferentialCheck.seed(20_240_611L), 150, 100,
            1e-5);

    static Stream<Supplier<ConformanceLayout>> layouts() {
        return Stream.of(named("elasticsearch", () -> new ElasticsearchConformanceTest().layout()),
                named("sqlite+inmem+elasticsearch", () -> new ElasticsearchSearchSplitConformanceTest().layout()),
                named("sqlite+elasticsearch+inmem", () -> new ElasticsearchVectorSplitConformanceTest().layout()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenRandomData_whenRandomQueriesRun_thenElasticsearchAnswersExactlyLikeOneInMemStore(
            Supplier<ConformanceLayout> layout) {
        CHECK.assertAnswersLikeInMem(layout.get());
    }
}
