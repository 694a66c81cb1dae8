package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite with {@code main} on a StarRocks 3.x cluster. Runs only when
 * {@code HEAVENBASE_TEST_STARROCKS_URL} is set; otherwise every test is skipped with the reason printed.
 */
class StarRocksLiveConformanceTest extends AbstractConformanceSuite {

    static final LiveServer SERVER = new LiveServer("starrocks", "STARROCKS", "jdbc:mysql://127.0.0.1:9030/test?rewriteBatchedStatements=true");

    @BeforeAll
    static void requireServer() {
        SERVER.requireConfigured();
    }

    @Override
    protected ConformanceLayout layout() {
        return SERVER.layout();
    }
}
