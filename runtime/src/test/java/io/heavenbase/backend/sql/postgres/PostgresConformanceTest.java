package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on one postgres backend {@code main} holding everything (it outlives a workspace, so the reopen and second-instance tests run too). */
class PostgresConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return PostgresConformanceLayouts.alone(PostgresTestServers.POSTGRES);
    }
}
