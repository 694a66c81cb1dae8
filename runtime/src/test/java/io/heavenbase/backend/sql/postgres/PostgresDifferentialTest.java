package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.conformance.DifferentialCheck.named;

import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.DifferentialCheck;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same seeded random rows and random queries (every operator, near with every metric, order,
 * paging, projection) on a postgres or pgvector layout (alone, and as the local-lts and web-lts
 * presets arrange them with lance and elasticsearch) and on one inmem store give the same ids in
 * the same order, the same scores and the same values. Set {@code -Dhb.differential.seed=N} to
 * replay a reported seed.
 */
class PostgresDifferentialTest {

    private static final DifferentialCheck CHECK = new DifferentialCheck(DifferentialCheck.seed(20_250_301L), 300, 200,
            0);

    static Stream<Supplier<ConformanceLayout>> layouts() {
        return Stream.of(named("postgres", () -> PostgresConformanceLayouts.alone(PostgresTestServers.POSTGRES)),
                named("pgvector", () -> PostgresConformanceLayouts.alone(PostgresTestServers.PGVECTOR)),
                named("postgres+pgvector+inmem", PostgresConformanceLayouts::webLtsLike),
                named("postgres+lance+elasticsearch", LtsPresetLayouts::localLtsLike),
                named("postgres+pgvector+elasticsearch", LtsPresetLayouts::webLtsLikeWithSearch));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenRandomData_whenRandomQueriesRun_thenTheLayoutAnswersExactlyLikeOneInMemStore(
            Supplier<ConformanceLayout> layout) {
        CHECK.assertAnswersLikeInMem(layout.get());
    }
}
