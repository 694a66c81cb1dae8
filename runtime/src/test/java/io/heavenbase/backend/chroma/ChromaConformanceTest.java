package io.heavenbase.backend.chroma;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.Map;

/**
 * The conformance suite with one chroma backend {@code main} holding every field as metadata; the
 * server outlives a workspace, so the reopen and second-instance tests run too.
 */
class ChromaConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return new ConformanceLayout("chroma", Map.of("main", ChromaTestServer.config()), Map.of(), () -> { })
                .persistentStores();
    }
}
