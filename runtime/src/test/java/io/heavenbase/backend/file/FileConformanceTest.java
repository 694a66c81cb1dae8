package io.heavenbase.backend.file;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on one {@code file} backend {@code main} holding everything. */
class FileConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return FileConformanceLayouts.alone("file");
    }
}
