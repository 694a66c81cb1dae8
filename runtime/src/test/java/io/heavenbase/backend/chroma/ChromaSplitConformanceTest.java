package io.heavenbase.backend.chroma;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite on sqlite {@code main} + chroma {@code vec} + inmem {@code search}: the
 * vector and the numeric, time and categorical fields on chroma, text on search, the rest on main,
 * so near queries meet filters on all three backends.
 */
class ChromaSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("vec", ChromaTestServer.config());
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout("sqlite+chroma+inmem", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.PRICE, "vec",
                ConformanceEntity.COLOR, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.DAY, "vec",
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.TAGS, "main"), () -> { });
    }
}
