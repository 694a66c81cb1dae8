package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite with {@code main} on a Trino catalog whose connector supports MERGE (Iceberg, Delta Lake). Runs only when
 * {@code HEAVENBASE_TEST_TRINO_URL} is set; otherwise every test is skipped with the reason printed.
 */
class TrinoLiveConformanceTest extends AbstractConformanceSuite {

    static final LiveServer SERVER = new LiveServer("trino", "TRINO", "jdbc:trino://127.0.0.1:8080/iceberg/test");

    @BeforeAll
    static void requireServer() {
        SERVER.requireConfigured();
    }

    @Override
    protected ConformanceLayout layout() {
        return SERVER.layout();
    }
}
