package io.heavenbase.backend.milvus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite with a real Milvus server as {@code vec} next to sqlite {@code main}: the
 * vector and some scalars live on Milvus, so filters, near and hydration span both. Runs only when
 * {@code HEAVENBASE_TEST_MILVUS_URI} names a server (optionally {@code HEAVENBASE_TEST_MILVUS_TOKEN}
 * and {@code HEAVENBASE_TEST_MILVUS_DATABASE}); otherwise every test is skipped with the reason
 * printed. Each test uses fresh collections under a random prefix and drops them afterwards.
 */
class MilvusLiveConformanceTest extends AbstractConformanceSuite {

    static final String URI_VARIABLE = "HEAVENBASE_TEST_MILVUS_URI";

    @BeforeAll
    static void requireServer() {
        String reason = "SKIPPED milvus live conformance: set " + URI_VARIABLE
                + " (e.g. http://127.0.0.1:19530) to run it against a Milvus 2.5+ server";
        boolean configured = System.getenv(URI_VARIABLE) != null && !System.getenv(URI_VARIABLE).isBlank();
        if (!configured) {
            System.out.println(reason);
        }
        assumeTrue(configured, reason);
    }

    @Override
    protected ConformanceLayout layout() {
        Map<String, Object> milvus = new LinkedHashMap<>();
        milvus.put("type", "milvus");
        milvus.put("uri", System.getenv(URI_VARIABLE));
        milvus.put("prefix", "hbconf_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_");
        putIfSet(milvus, "token", "HEAVENBASE_TEST_MILVUS_TOKEN");
        putIfSet(milvus, "database", "HEAVENBASE_TEST_MILVUS_DATABASE");
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("vec", milvus);
        return new ConformanceLayout("sqlite+milvus", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.ACTIVE, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.TAGS, "vec"), () -> { });
    }

    private static void putIfSet(Map<String, Object> config, String key, String variable) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }
}
