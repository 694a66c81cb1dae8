package io.heavenbase.backend.lance;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite on sqlite {@code main} + lance {@code vec} + inmem {@code search}: the
 * vector and the numeric, time and categorical fields on lance, text on search, the rest on main,
 * so near queries meet filters on all three backends.
 */
class LanceSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Path directory = LanceFixtures.temporaryDirectory();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("vec", LanceFixtures.config(directory));
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout("sqlite+lance+inmem", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.PRICE, "vec",
                ConformanceEntity.COLOR, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.DAY, "vec",
                ConformanceEntity.SIZES, "vec",
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.TAGS, "main"), () -> LanceFixtures.removeTree(directory));
    }
}
