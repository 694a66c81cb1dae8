package io.heavenbase.quarkus.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.heavenbase.ConfigurationException;
import io.heavenbase.engine.WorkspaceFactory;

/**
 * Turns the build-time backend definitions and the run-time {@code heavenbase.backends."name".*} keys into
 * the configuration maps the engine opens backends from, with the preset merged in. Keys are spelled as in
 * the plain-Java maps ({@code api-key}) and only keys that are set are present.
 */
public final class BackendSettings {

    /** Keys an {@code options} entry may not set: they have a property of their own (build or run time). */
    private static final Set<String> OWN_PROPERTY = Set.of("type", "datasource", "active", "health-exclude", "prefix",
            "path", "database", "url", "username", "password", "schema", "index", "tenant", "token", "uri", "api-key",
            "cloud", "region", "hosts", "protocol", "pool-size", "exact-near-limit", "index-min-rows", "nprobes",
            "compact-every", "metric", "index-type", "host", "api-url");

    private final Map<String, Map<String, Object>> resolved;
    private final Map<String, Map<String, Object>> explicit;

    /**
     * @param preset the preset name, or null
     * @param definitions the configured backends, in order
     * @param config the run-time configuration
     */
    public BackendSettings(String preset, List<BackendDefinition> definitions, HeavenBaseRuntimeConfig config) {
        this.explicit = new LinkedHashMap<>();
        for (BackendDefinition definition : definitions) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("type", definition.getType());
            values.putAll(runtimeKeys(definition.getName(), config.backends().get(definition.getName())));
            explicit.put(definition.getName(), values);
        }
        this.resolved = explicit.isEmpty() ? Map.of() : WorkspaceFactory.resolve(preset, explicit);
    }

    /** The engine configuration of one backend: preset entries overridden by configured keys. */
    public Map<String, Object> of(String name) {
        return new LinkedHashMap<>(resolved.get(name));
    }

    /** Whether the application configured this key for this backend (a preset default does not count). */
    public boolean isConfigured(String name, String key) {
        return explicit.containsKey(name) && explicit.get(name).containsKey(key);
    }

    /**
     * The keys set under {@code heavenbase.backends."name".}, spelled as in the engine's maps, with the
     * {@code options} entries added; an option for a key that has its own property fails naming the property, so
     * every key has one spelling.
     */
    static Map<String, Object> runtimeKeys(String name, BackendRuntimeConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "prefix", config.prefix());
        put(values, "path", config.path());
        put(values, "database", config.database());
        put(values, "url", config.url());
        put(values, "username", config.username());
        put(values, "password", config.password());
        put(values, "schema", config.schema());
        put(values, "index", config.index());
        put(values, "tenant", config.tenant());
        put(values, "token", config.token());
        put(values, "uri", config.uri());
        put(values, "api-key", config.apiKey());
        put(values, "cloud", config.cloud());
        put(values, "region", config.region());
        put(values, "hosts", config.hosts());
        put(values, "protocol", config.protocol());
        put(values, "pool-size", config.poolSize());
        put(values, "exact-near-limit", config.exactNearLimit());
        put(values, "index-min-rows", config.indexMinRows());
        put(values, "nprobes", config.nprobes());
        put(values, "compact-every", config.compactEvery());
        put(values, "metric", config.metric());
        put(values, "index-type", config.indexType());
        put(values, "host", config.host());
        put(values, "api-url", config.apiUrl());
        for (Map.Entry<String, String> option : config.options().entrySet()) {
            String key = option.getKey();
            if (OWN_PROPERTY.contains(key) || key.startsWith("_")) {
                String property = "heavenbase.backends." + name + ".options.\"" + key + "\"";
                throw new ConfigurationException(property, property + " is not a backend option: "
                        + (key.startsWith("_") ? "keys starting with '_' are set by the Quarkus extension only"
                                : "use heavenbase.backends." + name + "." + key));
            }
            values.put(key, option.getValue());
        }
        return values;
    }

    private static void put(Map<String, Object> values, String key, Optional<?> value) {
        value.ifPresent(v -> values.put(key, v));
    }
}
