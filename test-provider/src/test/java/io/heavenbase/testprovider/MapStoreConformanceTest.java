package io.heavenbase.testprovider;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.Map;

/** The published conformance suite (the runtime's test-jar) on one mapstore backend. */
class MapStoreConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return new ConformanceLayout("mapstore", Map.of("main", Map.of("type", "mapstore")), Map.of(), () -> {
        });
    }
}
