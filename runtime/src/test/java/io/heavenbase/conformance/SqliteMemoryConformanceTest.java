package io.heavenbase.conformance;

/** The conformance suite on {@link ConformanceLayouts#sqliteMemory()}. */
class SqliteMemoryConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return ConformanceLayouts.sqliteMemory();
    }
}
