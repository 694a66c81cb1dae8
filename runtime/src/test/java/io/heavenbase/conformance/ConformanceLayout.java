package io.heavenbase.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One arrangement of backends the conformance suite runs on: the backend map given to
 * {@code HeavenBase.open}, where the suite's fields are placed (field name to backend name; a field
 * that is not listed is left to the placement rules), whether the stores outlive a workspace
 * instance (so a second instance on the same configuration sees the same data), what to clean
 * up afterwards, and (where the layout can tell) the structures its backends hold under its
 * prefixes or schemas ({@code null}: this layout cannot list them).
 */
public record ConformanceLayout(String name, Map<String, Map<String, Object>> backends, Map<String, String> placement,
        boolean persistent, Runnable cleanup, Supplier<List<String>> structures) {

    public ConformanceLayout {
        Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
        backends.forEach((backend, config) -> ordered.put(backend, Collections.unmodifiableMap(new LinkedHashMap<>(config))));
        backends = Collections.unmodifiableMap(ordered);
        placement = Map.copyOf(placement);
    }

    public ConformanceLayout(String name, Map<String, Map<String, Object>> backends, Map<String, String> placement,
            boolean persistent, Runnable cleanup) {
        this(name, backends, placement, persistent, cleanup, null);
    }

    /** A layout whose stores live only as long as the workspace instance that opened them. */
    public ConformanceLayout(String name, Map<String, Map<String, Object>> backends, Map<String, String> placement,
            Runnable cleanup) {
        this(name, backends, placement, false, cleanup);
    }

    /**
     * This layout declared persistent: a second workspace instance on the same configuration sees
     * the same data, which enables the suite's reopen and refresh tests.
     */
    public ConformanceLayout persistentStores() {
        return new ConformanceLayout(name, backends, placement, true, cleanup, structures);
    }

    /** This layout with a lister of the tables (or other structures) its backends hold under its prefixes. */
    public ConformanceLayout listingStructures(Supplier<List<String>> lister) {
        return new ConformanceLayout(name, backends, placement, persistent, cleanup, lister);
    }

    /** The backend this layout places the field on, or {@code null} when placement rules decide. */
    public String backendOf(String field) {
        return placement.get(field);
    }

    /** Whether every backend of this layout has that provider type. */
    public boolean allOfType(String type) {
        return backends.values().stream().allMatch(config -> type.equals(config.get("type")));
    }

    /** Whether fields of one entity live on more than one backend. */
    public boolean isSplit() {
        return backends.size() > 1;
    }

    @Override
    public String toString() {
        return name;
    }
}
