package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on a duckdb file as {@code main} beside inmem {@code vec} and {@code search}. */
class DuckdbSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return DuckdbConformanceLayouts.fileAsMainOfSplit();
    }
}
