package io.heavenbase.quarkus.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The backends of the application after the preset is merged in and every type is checked: one definition per
 * backend name, in configured order, with the provider that serves its type.
 */
public final class ConfiguredBackendsBuildItem extends SimpleBuildItem {

    private final String preset;
    private final List<BackendDefinition> definitions;
    private final Map<String, BackendProvider> providers;

    ConfiguredBackendsBuildItem(String preset, List<BackendDefinition> definitions,
            Map<String, BackendProvider> providers) {
        this.preset = preset;
        this.definitions = List.copyOf(definitions);
        this.providers = Map.copyOf(providers);
    }

    /** The preset name, or null. */
    public String preset() {
        return preset;
    }

    /** The backends, in configured order. */
    public List<BackendDefinition> definitions() {
        return definitions;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (BackendDefinition definition : definitions) {
            names.add(definition.getName());
        }
        return names;
    }

    public boolean isEmpty() {
        return definitions.isEmpty();
    }

    /** The provider serving a backend's type. */
    public BackendProvider provider(String backendName) {
        return providers.get(backendName);
    }

    /** Placement over these backends' types and capability tables (none opened); only when not empty. */
    public PlacementRules placementRules() {
        Map<String, PlacementRules.Target> targets = new LinkedHashMap<>();
        for (BackendDefinition definition : definitions) {
            BackendProvider provider = providers.get(definition.getName());
            targets.put(definition.getName(), new PlacementRules.Target(provider.type(), provider.capabilities()));
        }
        return new PlacementRules(targets);
    }
}
