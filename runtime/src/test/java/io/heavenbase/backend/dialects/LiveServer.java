package io.heavenbase.backend.dialects;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.conformance.ConformanceLayout;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A server named by environment variables for a live conformance run: {@code HEAVENBASE_TEST_<KEY>_URL}
 * (required) and optionally {@code _USERNAME}, {@code _PASSWORD} and {@code _SCHEMA}. Without the URL
 * the run is skipped with the reason printed: no such server exists on the build machines, so absence
 * is never a failure. Each layout uses a fresh random table prefix; the suite drops its tables.
 */
record LiveServer(String type, String key, String example) {

    String urlVariable() {
        return "HEAVENBASE_TEST_" + key + "_URL";
    }

    /** Skips the calling test class, loudly, unless the URL variable is set. */
    void requireConfigured() {
        String url = System.getenv(urlVariable());
        boolean configured = url != null && !url.isBlank();
        String reason = "SKIPPED " + type + " live conformance: not run against a server here; set " + urlVariable()
                + " (e.g. " + example + ", plus HEAVENBASE_TEST_" + key + "_USERNAME/_PASSWORD/_SCHEMA as needed)";
        if (!configured) {
            System.err.println(reason);
        }
        assumeTrue(configured, reason);
    }

    /** The whole suite entity on one backend {@code main} of this type. */
    ConformanceLayout layout() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("url", System.getenv(urlVariable()));
        config.put("prefix", "hbconf_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_");
        putIfSet(config, "username", "HEAVENBASE_TEST_" + key + "_USERNAME");
        putIfSet(config, "password", "HEAVENBASE_TEST_" + key + "_PASSWORD");
        putIfSet(config, "schema", "HEAVENBASE_TEST_" + key + "_SCHEMA");
        return new ConformanceLayout(type + "-live", Map.of("main", config), Map.of(), () -> { }).persistentStores();
    }

    private static void putIfSet(Map<String, Object> config, String key, String variable) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }
}
