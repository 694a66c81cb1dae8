package io.heavenbase.backend.elasticsearch;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.StructureListers;
import java.util.Map;

/**
 * The conformance suite with one elasticsearch backend {@code main} holding every field and the
 * system entities; its indexes outlive a workspace instance, so the reopen tests run too.
 */
class ElasticsearchConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Map<String, Object> config = TestBackends.config();
        String host = ((String) config.get("hosts")).split(",")[0].trim();
        String prefix = (String) config.get("prefix");
        return new ConformanceLayout("elasticsearch", Map.of("main", config), Map.of(),
                TestBackends.deleteIndexes(config)).persistentStores().listingStructures(StructureListers.namesOverHttp(
                        "http://" + host + "/_cat/indices/" + prefix + "*?format=json&expand_wildcards=all", null, "index",
                        prefix));
    }
}
