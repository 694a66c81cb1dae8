package io.heavenbase.routing;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.ValidationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places every field of an entity on a backend (SPEC §4): an explicit {@code store(to, strategy)}
 * wins; otherwise scalars, text, arrays and JSON go to the default backend ({@code main}, or the
 * only backend, or the first configured), vectors to {@code vec} when present, and LongText is
 * also copied to {@code search} when present. Each placement is checked against the target's
 * capability table, and a placement it cannot serve is rejected naming field, backend and what is
 * missing.
 */
public final class PlacementRules {

    public static final String MAIN = "main";
    public static final String VEC = "vec";
    public static final String SEARCH = "search";

    /** What placement needs to know of a backend: its type key and capability table. */
    public record Target(String type, CapabilityTable capabilities) {
    }

    private final Map<String, Target> backends;

    /** @param backends the targets by backend name, in configured order (usable at build time) */
    public PlacementRules(Map<String, Target> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("placement needs at least one backend");
        }
        this.backends = backends;
    }

    /** Placement over opened backends, by name in configured order. */
    public static PlacementRules of(Map<String, Backend> opened) {
        Map<String, Target> targets = new LinkedHashMap<>();
        opened.forEach((name, backend) -> targets.put(name, new Target(backend.type(), backend.capabilities())));
        return new PlacementRules(targets);
    }

    /** The backend that takes unplaced fields and every entity's home part. */
    public String defaultBackend() {
        if (backends.containsKey(MAIN)) {
            return MAIN;
        }
        return backends.keySet().iterator().next();
    }

    public StoragePlan plan(EntitySchema schema) {
        String home = defaultBackend();
        Map<String, Placement> primary = new LinkedHashMap<>();
        Map<String, List<Placement>> replicas = new LinkedHashMap<>();
        for (FieldSchema field : schema.fields()) {
            if (field.name().equals(Names.OBJECT_ID)) {
                continue;
            }
            String target = field.backend() != null ? field.backend() : implicitBackend(field.dtype(), home);
            primary.put(field.name(), place(schema.id(), field, target, field.strategy()));
            if (field.backend() == null && field.dtype().kind() == DType.Kind.LONG_TEXT
                    && backends.containsKey(SEARCH) && !SEARCH.equals(target)
                    && backends.get(SEARCH).capabilities().defaultStrategy(field.dtype()) != null) {
                replicas.put(field.name(), List.of(place(schema.id(), field, SEARCH, null)));
            }
        }
        return new StoragePlan(schema, home, primary, replicas, new ArrayList<>(backends.keySet()));
    }

    private String implicitBackend(DType dtype, String home) {
        if (dtype.kind() == DType.Kind.VECTOR && backends.containsKey(VEC)) {
            return VEC;
        }
        return home;
    }

    private Placement place(String entity, FieldSchema field, String backendName, Strategy explicit) {
        Target backend = backends.get(backendName);
        if (backend == null) {
            throw new ValidationException(entity, field.name(), "unknown_backend",
                    "entity '" + entity + "' field '" + field.name() + "' is placed on backend '" + backendName
                            + "', but the workspace has no such backend (backends: " + backends.keySet() + ")");
        }
        CapabilityTable table = backend.capabilities();
        Strategy strategy = explicit != null ? explicit : table.defaultStrategy(field.dtype());
        if (strategy == null || !table.canStore(field.dtype(), strategy)) {
            String what = strategy == null ? "any strategy" : "strategy " + strategy.id();
            throw new UnsupportedCapabilityException(backendName, field.dtype().toString(),
                    strategy == null ? "store" : strategy.id(),
                    "entity '" + entity + "' field '" + field.name() + "' (" + field.dtype()
                            + ") cannot be placed on backend '" + backendName + "' (" + backend.type()
                            + "): it does not support " + field.dtype() + " with " + what
                            + (strategy == null ? "" : "; it supports " + table.strategies(field.dtype())));
        }
        return new Placement(backendName, backend.type(), strategy);
    }
}
