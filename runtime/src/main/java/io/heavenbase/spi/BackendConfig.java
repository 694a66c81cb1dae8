package io.heavenbase.spi;

import io.heavenbase.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of one named backend (the map under {@code heavenbase.backends."name".} or
 * the map given to {@code HeavenBase.open}). Keys use kebab-case as in SPEC ({@code api-key}).
 * Errors name the full property, e.g. {@code heavenbase.backends.main.url}.
 */
public final class BackendConfig {

    /**
     * Key under which an integration hands over a ready {@code javax.sql.DataSource} (e.g. an Agroal
     * datasource in Quarkus); SQL server backends use it instead of {@code url}. Keys starting with
     * '_' are never user configuration.
     */
    public static final String DATA_SOURCE_OBJECT = "_datasource";
    /** Key under which an integration hands over a ready client object (e.g. an Elasticsearch RestClient). */
    public static final String CLIENT_OBJECT = "_client";

    private final String backendName;
    private final Map<String, Object> values;

    public BackendConfig(String backendName, Map<String, ?> values) {
        this.backendName = backendName;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String backendName() {
        return backendName;
    }

    public Map<String, Object> values() {
        return values;
    }

    /** The full property name of a key, for messages. */
    public String property(String key) {
        return "heavenbase.backends." + backendName + "." + key;
    }

    public String type() {
        return require("type");
    }

    /** The physical-name prefix for tables/collections/indexes (default empty). */
    public String prefix() {
        String prefix = string("prefix", "");
        if (!prefix.matches("[A-Za-z0-9_]*")) {
            throw new ConfigurationException(property("prefix"),
                    "invalid " + property("prefix") + " '" + prefix + "': use letters, digits and '_'");
        }
        return prefix;
    }

    public String string(String key, String defaultValue) {
        Object value = values.get(key);
        return value == null ? defaultValue : String.valueOf(value);
    }

    public String require(String key) {
        Object value = values.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new ConfigurationException(property(key),
                    "backend '" + backendName + "' needs " + property(key));
        }
        return String.valueOf(value);
    }

    public int integer(String key, int defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return value instanceof Number ? ((Number) value).intValue() : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(property(key), property(key) + " must be an integer, got '" + value + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigurationException(property(key), property(key) + " must be true or false, got '" + value + "'");
    }

    /** The raw object (e.g. a DataSource or client handed over by Quarkus), or null. */
    public Object object(String key) {
        return values.get(key);
    }

    /** Rejects keys outside {@code allowed} (plus {@code type}, {@code prefix}, {@code health-exclude}). */
    public void rejectUnknown(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key) && !key.equals("type") && !key.equals("prefix") && !key.equals("health-exclude")
                    && !key.startsWith("_")) {
                throw new ConfigurationException(property(key),
                        "unknown property " + property(key) + " for backend type '" + values.get("type")
                                + "'; allowed: " + allowed);
            }
        }
    }
}
