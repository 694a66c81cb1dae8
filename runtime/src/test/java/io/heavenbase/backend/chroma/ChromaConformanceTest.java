package io.heavenbase.backend.chroma;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.StructureListers;
import java.util.Map;

/**
 * The conformance suite with one chroma backend {@code main} holding every field as metadata; the
 * server outlives a workspace, so the reopen and second-instance tests run too.
 */
class ChromaConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Map<String, Object> config = ChromaTestServer.config();
        String prefix = (String) config.get("prefix");
        return new ConformanceLayout("chroma", Map.of("main", config), Map.of(), () -> { }).persistentStores()
                .listingStructures(StructureListers.namesOverHttp(config.get("url") + "/api/v2/tenants/"
                        + ChromaProvider.DEFAULT_TENANT + "/databases/" + ChromaProvider.DEFAULT_DATABASE
                        + "/collections?limit=100000", null, "name", prefix));
    }
}
