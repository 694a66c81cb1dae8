package io.heavenbase.backend.pinecone;

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
 * The conformance suite with a real Pinecone index as {@code vec} next to sqlite {@code main}.
 * Runs only when {@code HEAVENBASE_TEST_PINECONE_API_KEY} and {@code HEAVENBASE_TEST_PINECONE_INDEX}
 * are set (the index must be dense with dimension 3 and metric cosine, or missing with
 * {@code HEAVENBASE_TEST_PINECONE_CLOUD} and {@code HEAVENBASE_TEST_PINECONE_REGION} set so that it
 * is created; {@code HEAVENBASE_TEST_PINECONE_HOST} skips the control plane); otherwise every test
 * is skipped with the reason printed. Each test writes to fresh namespaces under a random prefix and
 * deletes them afterwards.
 */
class PineconeLiveConformanceTest extends AbstractConformanceSuite {

    static final String KEY_VARIABLE = "HEAVENBASE_TEST_PINECONE_API_KEY";
    static final String INDEX_VARIABLE = "HEAVENBASE_TEST_PINECONE_INDEX";

    @BeforeAll
    static void requireIndex() {
        String reason = "SKIPPED pinecone live conformance: set " + KEY_VARIABLE + " and " + INDEX_VARIABLE
                + " to run it against a Pinecone index (dense, dimension 3, cosine)";
        boolean configured = isSet(KEY_VARIABLE) && isSet(INDEX_VARIABLE);
        if (!configured) {
            System.out.println(reason);
        }
        assumeTrue(configured, reason);
    }

    @Override
    protected ConformanceLayout layout() {
        Map<String, Object> pinecone = new LinkedHashMap<>();
        pinecone.put("type", "pinecone");
        pinecone.put("api-key", System.getenv(KEY_VARIABLE));
        pinecone.put("index", System.getenv(INDEX_VARIABLE));
        pinecone.put("prefix", "hbconf_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_");
        putIfSet(pinecone, "host", "HEAVENBASE_TEST_PINECONE_HOST");
        putIfSet(pinecone, "cloud", "HEAVENBASE_TEST_PINECONE_CLOUD");
        putIfSet(pinecone, "region", "HEAVENBASE_TEST_PINECONE_REGION");
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("vec", pinecone);
        return new ConformanceLayout("sqlite+pinecone", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.ACTIVE, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.TAGS, "vec"), () -> { });
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }

    private static void putIfSet(Map<String, Object> config, String key, String variable) {
        if (isSet(variable)) {
            config.put(key, System.getenv(variable));
        }
    }
}
