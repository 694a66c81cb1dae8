package io.heavenbase.backend.elasticsearch;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite on sqlite {@code main} + inmem {@code vec} + elasticsearch {@code search}:
 * the texts, the price and the color on elasticsearch, the vector and qty on inmem, the arrays and
 * the rest on sqlite, so filters, ordering, near and hydration span all three.
 */
class ElasticsearchSearchSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("vec", Map.of("type", "inmem"));
        Map<String, Object> search = TestBackends.config();
        backends.put("search", search);
        return new ConformanceLayout("sqlite+inmem+elasticsearch", backends, Map.of(
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.SUMMARY, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.PRICE, "search",
                ConformanceEntity.COLOR, "search",
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.TAGS, "main",
                ConformanceEntity.SIZES, "main"), TestBackends.deleteIndexes(search));
    }
}
