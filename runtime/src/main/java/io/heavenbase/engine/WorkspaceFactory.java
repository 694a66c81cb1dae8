package io.heavenbase.engine;

import io.heavenbase.Capabilities;
import io.heavenbase.ConfigurationException;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.Workspace;
import io.heavenbase.capability.CapabilityView;
import io.heavenbase.routing.Presets;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds workspaces from a preset and/or explicit backend maps. */
public final class WorkspaceFactory {

    private WorkspaceFactory() {
    }

    /**
     * Opens a workspace: the preset's backends (if any), overridden entry by entry by {@code backends}
     * (an explicit entry without {@code type} keeps the preset's type and adds its keys).
     */
    public static Workspace open(String id, String preset, Map<String, ? extends Map<String, ?>> backends) {
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("heavenbase.workspace", "the workspace id must not be empty");
        }
        Map<String, Map<String, Object>> configs = resolve(preset, backends);
        Map<String, Backend> opened = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Map<String, Object>> entry : configs.entrySet()) {
                opened.put(entry.getKey(), openBackend(entry.getKey(), entry.getValue()));
            }
            return new EngineWorkspace(id, opened);
        } catch (RuntimeException e) {
            for (Backend backend : opened.values()) {
                try {
                    backend.close();
                } catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
    }

    /** The merged backend configuration of a preset and explicit entries, in order. */
    public static Map<String, Map<String, Object>> resolve(String preset,
            Map<String, ? extends Map<String, ?>> backends) {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        if (preset != null && !preset.isBlank()) {
            configs.putAll(Presets.backends(preset.trim()));
        }
        if (backends != null) {
            for (Map.Entry<String, ? extends Map<String, ?>> entry : backends.entrySet()) {
                String name = entry.getKey();
                try {
                    Names.requireBackendName(name);
                } catch (HeavenBaseException e) {
                    throw new ConfigurationException("heavenbase.backends." + Names.shorten(name), e.getMessage());
                }
                Map<String, Object> merged = new LinkedHashMap<>();
                Map<String, Object> base = configs.get(name);
                Object explicitType = entry.getValue() == null ? null : entry.getValue().get("type");
                if (base != null && (explicitType == null || explicitType.equals(base.get("type")))) {
                    merged.putAll(base);
                }
                if (entry.getValue() != null) {
                    merged.putAll(entry.getValue());
                }
                configs.put(name, merged);
            }
        }
        if (configs.isEmpty()) {
            throw new ConfigurationException("heavenbase.backends",
                    "a workspace needs at least one backend: set heavenbase.preset or heavenbase.backends.<name>.type");
        }
        return configs;
    }

    /**
     * Assembles a workspace over backends opened elsewhere (for example CDI beans), in order. The
     * workspace closes them when it is closed; {@link Backend#close()} is idempotent.
     */
    public static Workspace assemble(String id, Map<String, Backend> opened) {
        if (opened.isEmpty()) {
            throw new ConfigurationException("heavenbase.backends",
                    "a workspace needs at least one backend: set heavenbase.preset or heavenbase.backends.<name>.type");
        }
        return new EngineWorkspace(id, new LinkedHashMap<>(opened));
    }

    /** Opens one backend from its configuration map (must contain {@code type}). */
    public static Backend openBackend(String name, Map<String, Object> values) {
        BackendConfig config = new BackendConfig(name, values);
        Object type = values.get("type");
        if (type == null || String.valueOf(type).isBlank()) {
            throw new ConfigurationException(config.property("type"),
                    "backend '" + name + "' needs " + config.property("type"));
        }
        BackendProvider provider = ProviderRegistry.require(name, String.valueOf(type));
        config.rejectUnknown(provider.configKeys());
        return provider.open(config);
    }

    public static Capabilities globalCapabilities() {
        List<CapabilityView.Entry> entries = new ArrayList<>();
        for (BackendProvider provider : ProviderRegistry.providers().values()) {
            entries.add(new CapabilityView.Entry(provider.type(), provider.type(), provider.capabilities()));
        }
        return new CapabilityView(entries);
    }
}
