package io.heavenbase.conformance;

/** The conformance suite on {@link ConformanceLayouts#splitInMem()}. */
class SplitInMemConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return ConformanceLayouts.splitInMem();
    }
}
