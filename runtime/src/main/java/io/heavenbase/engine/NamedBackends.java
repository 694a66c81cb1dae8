package io.heavenbase.engine;

import io.heavenbase.Backends;
import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.Backend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The opened backends of one workspace, by name in configured order. */
final class NamedBackends implements Backends {

    private final Map<String, Backend> byName;

    NamedBackends(Map<String, Backend> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    Map<String, Backend> asMap() {
        return byName;
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    @Override
    public Backend get(String name) {
        Backend backend = byName.get(name);
        if (backend == null) {
            throw new ConfigurationException("heavenbase.backends." + name,
                    "workspace has no backend '" + name + "' (backends: " + byName.keySet() + ")");
        }
        return backend;
    }
}
