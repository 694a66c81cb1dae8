package io.heavenbase.backend.dialects;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite with {@code main} on the Iceberg catalog of a real Trino: the one
 * {@code HEAVENBASE_TEST_TRINO_URL} names, or the one {@link TrinoTestServer} starts. The two
 * catalog comparisons send thousands of queries (minutes each on Trino), so they run only in the
 * longer profile: {@code ./mvnw -Ptrino-long ...} (system property {@value #LONG}).
 */
@ExtendWith(TrinoTiming.class)
class TrinoLiveConformanceTest extends AbstractConformanceSuite {

    static final String LONG = "hb.trino.long";

    @BeforeAll
    static void requireServer() {
        TrinoTestServer.endpoint();
    }

    @Override
    protected ConformanceLayout layout() {
        return TrinoTestServer.layout();
    }

    @Test
    @Override
    public void givenObjectsOfSeveralEntities_whenRandomCatalogQueriesRun_thenTheyAnswerLikeTheStoredCatalog() {
        requireLongProfile();
        super.givenObjectsOfSeveralEntities_whenRandomCatalogQueriesRun_thenTheyAnswerLikeTheStoredCatalog();
    }

    @Test
    @Override
    public void givenObjectsOfSeveralEntities_whenPagingInEveryOrderAndComparingAtTheCut_thenLikeTheStoredCatalog() {
        requireLongProfile();
        super.givenObjectsOfSeveralEntities_whenPagingInEveryOrderAndComparingAtTheCut_thenLikeTheStoredCatalog();
    }

    private static void requireLongProfile() {
        boolean enabled = Boolean.getBoolean(LONG);
        if (!enabled) {
            System.err.println("SKIPPED on trino in the default build (thousands of queries): run with -Ptrino-long");
        }
        assumeTrue(enabled, "runs on trino only with -Ptrino-long (-D" + LONG + "=true)");
    }
}
