package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on one in-memory duckdb backend. */
class DuckdbMemoryConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return DuckdbConformanceLayouts.memory();
    }
}
