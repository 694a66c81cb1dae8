package io.heavenbase.routing;

import io.heavenbase.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named backend layouts of HeavenBase. {@code debug} needs no services; the {@code -lts}
 * presets point at local servers with conventional defaults that explicit entries override.
 */
public final class Presets {

    public static final String DEBUG = "debug";
    public static final String LOCAL_LTS = "local-lts";
    public static final String WEB_LTS = "web-lts";

    private Presets() {
    }

    /** The backend maps of a preset, in order {@code main}, {@code vec}, {@code search}. */
    public static Map<String, Map<String, Object>> backends(String preset) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        switch (preset) {
            case DEBUG:
                out.put("main", entry("type", "sqlite", "database", ":memory:"));
                out.put("vec", entry("type", "inmem"));
                out.put("search", entry("type", "inmem"));
                return out;
            case LOCAL_LTS:
                out.put("main", entry("type", "postgres", "url", "jdbc:postgresql://127.0.0.1:5432/heavenbase"));
                out.put("vec", entry("type", "lance", "path", "data/heavenbase/lance"));
                out.put("search", entry("type", "elasticsearch", "hosts", "127.0.0.1:9200"));
                return out;
            case WEB_LTS:
                out.put("main", entry("type", "postgres", "url", "jdbc:postgresql://127.0.0.1:5432/heavenbase"));
                out.put("vec", entry("type", "pgvector", "url", "jdbc:postgresql://127.0.0.1:5432/heavenbase"));
                out.put("search", entry("type", "elasticsearch", "hosts", "127.0.0.1:9200"));
                return out;
            default:
                throw new ConfigurationException("heavenbase.preset",
                        "unknown preset '" + preset + "' (heavenbase.preset); expected debug, local-lts or web-lts");
        }
    }

    private static Map<String, Object> entry(String... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
