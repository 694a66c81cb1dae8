package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite with {@code main} on the Iceberg catalog of a real Trino: the one
 * {@code HEAVENBASE_TEST_TRINO_URL} names, or the one {@link TrinoTestServer} starts. Every build runs
 * the cases {@link TrinoLongCases} names; {@code -Ptrino-long} runs them all (docs/sql-dialects.md has
 * the measured times).
 */
@ExtendWith({TrinoTiming.class, TrinoLongCases.class, TrinoQueryLog.class})
class TrinoLiveConformanceTest extends AbstractConformanceSuite {

    @BeforeAll
    static void requireServer() {
        TrinoTestServer.endpoint();
    }

    @Override
    protected ConformanceLayout layout() {
        return TrinoTestServer.layout();
    }
}
