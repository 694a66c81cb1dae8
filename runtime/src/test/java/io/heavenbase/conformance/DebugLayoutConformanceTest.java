package io.heavenbase.conformance;

/** The conformance suite on {@link ConformanceLayouts#debugLike()}. */
class DebugLayoutConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return ConformanceLayouts.debugLike();
    }
}
