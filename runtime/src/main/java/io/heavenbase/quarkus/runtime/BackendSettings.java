package io.heavenbase.quarkus.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.heavenbase.ConfigurationException;
import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.engine.WorkspaceFactory;
import io.heavenbase.spi.BackendProvider;

/**
 * Turns the build-time backend definitions and the run-time {@code heavenbase.backends."name".*} keys into
 * the configuration maps the engine opens backends from, with the preset merged in. Keys are spelled as in
 * the plain-Java maps ({@code api-key}) and only keys that are set are present.
 */
public final class BackendSettings {

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
            values.putAll(runtimeKeys(definition.getName(), config.backends().get(definition.getName()),
                    providerKeys(definition.getType()), key -> lookup(definition.getName(), key)));
            explicit.put(definition.getName(), values);
        }
        this.resolved = explicit.isEmpty() ? Map.of() : WorkspaceFactory.resolve(preset, explicit);
    }

    /** The keys the provider of {@code type} declares; none when no provider has the type (it fails later). */
    private static Set<String> providerKeys(String type) {
        return ProviderRegistry.provider(type).map(BackendProvider::configKeys).orElse(Set.of());
    }

    /** A key of a backend read from the configuration, with the backend's name unquoted or quoted. */
    private static Optional<String> lookup(String name, String key) {
        Config config = ConfigProvider.getConfig();
        Optional<String> plain = config.getOptionalValue("heavenbase.backends." + name + "." + key, String.class);
        return plain.isPresent() ? plain
                : config.getOptionalValue("heavenbase.backends.\"" + name + "\"." + key, String.class);
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
     * every key has one spelling. The keys with a property of their own are {@link BackendKeys#typed() typed}; a
     * key the backend's provider declares beyond them (a backend type from another library) is read from the
     * configuration as {@code heavenbase.backends."name".key} too.
     */
    static Map<String, Object> runtimeKeys(String name, BackendRuntimeConfig config) {
        return runtimeKeys(name, config, Set.of(), key -> Optional.empty());
    }

    /**
     * {@link #runtimeKeys(String, BackendRuntimeConfig)} plus {@code providerKeys} that have no typed property,
     * each read with {@code lookup}.
     */
    static Map<String, Object> runtimeKeys(String name, BackendRuntimeConfig config, Set<String> providerKeys,
            Function<String, Optional<String>> lookup) {
        Map<String, Object> values = BackendKeys.typedValues(config);
        for (String key : new TreeSet<>(providerKeys)) {
            if (!BackendKeys.hasOwnProperty(key)) {
                lookup.apply(key).ifPresent(value -> values.put(key, value));
            }
        }
        for (Map.Entry<String, String> option : config.options().entrySet()) {
            String key = option.getKey();
            if (BackendKeys.hasOwnProperty(key) || key.startsWith("_")) {
                String property = "heavenbase.backends." + name + ".options.\"" + key + "\"";
                throw new ConfigurationException(property, property + " is not a backend option: "
                        + (key.startsWith("_") ? "keys starting with '_' are set by the Quarkus extension only"
                                : "use heavenbase.backends." + name + "." + key));
            }
            if (values.containsKey(key)) {
                String property = "heavenbase.backends." + name + ".options.\"" + key + "\"";
                throw new ConfigurationException(property, "backend '" + name + "' sets both " + property
                        + " and heavenbase.backends." + name + "." + key + ": set only one");
            }
            values.put(key, option.getValue());
        }
        return values;
    }
}
