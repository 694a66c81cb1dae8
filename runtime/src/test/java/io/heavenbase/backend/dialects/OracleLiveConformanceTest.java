package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite with {@code main} on an Oracle Database 12.2 or later (AL32UTF8). Runs only when
 * {@code HEAVENBASE_TEST_ORACLE_URL} is set; otherwise every test is skipped with the reason printed.
 */
class OracleLiveConformanceTest extends AbstractConformanceSuite {

    static final LiveServer SERVER = new LiveServer("oracle", "ORACLE", "jdbc:oracle:thin:@//127.0.0.1:1521/FREEPDB1");

    @BeforeAll
    static void requireServer() {
        SERVER.requireConfigured();
    }

    @Override
    protected ConformanceLayout layout() {
        return SERVER.layout();
    }
}
