package io.heavenbase.conformance;

/** The conformance suite on {@link ConformanceLayouts#sqliteFile()}. */
class SqliteFileConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return ConformanceLayouts.sqliteFile();
    }
}
