package io.heavenbase.backend.elasticsearch;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite on sqlite {@code main} + elasticsearch {@code vec} + inmem {@code search}:
 * the vector with qty, created and tags on elasticsearch, texts on inmem, the rest on sqlite, so near
 * queries on elasticsearch meet filters that live next to the vector and on the other backends.
 */
class ElasticsearchVectorSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        Map<String, Object> vec = TestBackends.config();
        backends.put("vec", vec);
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout("sqlite+elasticsearch+inmem", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.TAGS, "vec",
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.BODY, "search"), TestBackends.deleteIndexes(vec));
    }
}
