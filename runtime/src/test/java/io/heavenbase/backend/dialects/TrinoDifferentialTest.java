package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.DifferentialCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same seeded random rows and random queries (every operator, near with every metric, order,
 * paging, projection) on a trino backend (a real Trino with Iceberg, see {@link TrinoTestServer})
 * and on one inmem store give the same ids in the same order, the same scores and the same values.
 * Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
@ExtendWith(TrinoTiming.class)
class TrinoDifferentialTest {

    private static final DifferentialCheck CHECK = new DifferentialCheck(DifferentialCheck.seed(20_261_206L), 300, 200,
            1e-9);

    @BeforeAll
    static void requireServer() {
        TrinoTestServer.endpoint();
    }

    @Test
    void givenRandomData_whenRandomQueriesRun_thenTrinoAnswersExactlyLikeOneInMemStore() {
        CHECK.assertAnswersLikeInMem(TrinoTestServer.layout());
    }
}
