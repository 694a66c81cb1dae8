package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite with {@code main} on a SQL Server 2019 or later database. Runs only when
 * {@code HEAVENBASE_TEST_MSSQL_URL} is set; otherwise every test is skipped with the reason printed.
 */
class MssqlLiveConformanceTest extends AbstractConformanceSuite {

    static final LiveServer SERVER = new LiveServer("mssql", "MSSQL", "jdbc:sqlserver://127.0.0.1:1433;databaseName=test;encrypt=false");

    @BeforeAll
    static void requireServer() {
        SERVER.requireConfigured();
    }

    @Override
    protected ConformanceLayout layout() {
        return SERVER.layout();
    }
}
