package io.heavenbase.backend.file;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite with {@code pickle} as {@code main} beside an inmem {@code vec}. */
class SplitPickleConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return FileConformanceLayouts.mainOfSplit("pickle");
    }
}
