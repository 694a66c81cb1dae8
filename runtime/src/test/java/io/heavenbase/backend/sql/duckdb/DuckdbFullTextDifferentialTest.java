package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.ExecutionMode;
import io.heavenbase.conformance.DifferentialCheck;
import io.heavenbase.conformance.FullTextDifferentialCheck;
import org.junit.jupiter.api.Test;

/**
 * On duckdb (in memory), where it runs in the engine, {@code match} on a text field without
 * full-text index gives the same ids as on the same text with one, and as the engine's word rule;
 * explain says so. Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
class DuckdbFullTextDifferentialTest {

    private static final FullTextDifferentialCheck CHECK = new FullTextDifferentialCheck(
            DifferentialCheck.seed(20_261_206L), 150, 50);

    @Test
    void givenEachTextWithAndWithoutIndex_whenMatched_thenBothGiveTheIdsOfTheWordRule() {
        CHECK.assertSameIdsWithAndWithoutIndex(DuckdbConformanceLayouts.memory(), ExecutionMode.FALLBACK);
    }
}
