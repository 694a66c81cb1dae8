package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on one duckdb file backend (persistent: reopen and second-instance tests run). */
class DuckdbFileConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return DuckdbConformanceLayouts.file();
    }
}
