package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on postgres {@code main} with inmem {@code vec} and {@code search}. */
class PostgresSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return PostgresConformanceLayouts.postgresMainOfSplit();
    }
}
