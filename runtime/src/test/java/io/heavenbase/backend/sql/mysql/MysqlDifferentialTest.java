package io.heavenbase.backend.sql.mysql;

import static io.heavenbase.conformance.DifferentialCheck.named;

import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.DifferentialCheck;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite's seeded random rows and queries on mysql (alone, and as {@code main} of a
 * split layout) and on one inmem store must give the same ids in the same order, the same scores
 * and the same values. Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
class MysqlDifferentialTest {

    private static final DifferentialCheck CHECK = new DifferentialCheck(DifferentialCheck.seed(20_240_611L), 300, 200,
            1e-9);

    static Stream<Supplier<ConformanceLayout>> layouts() {
        return Stream.of(named("mysql", () -> MysqlConformanceLayouts.aloneByDataSource("mysql")),
                named("mysql-split", () -> MysqlConformanceLayouts.mainOfSplit("mysql")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenRandomData_whenRandomQueriesRun_thenMysqlAnswersExactlyLikeOneInMemStore(
            Supplier<ConformanceLayout> layout) {
        CHECK.assertAnswersLikeInMem(layout.get());
    }
}
