package io.heavenbase.conformance;

/** The conformance suite on {@link ConformanceLayouts#inmem()}. */
class InMemConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return ConformanceLayouts.inmem();
    }
}
