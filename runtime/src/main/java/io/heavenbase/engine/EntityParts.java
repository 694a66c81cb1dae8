package io.heavenbase.engine;

import io.heavenbase.routing.Placement;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of one entity across its parts: all ids, and columns by id with one fetch per backend. */
final class EntityParts {

    private final StoragePlan plan;
    private final Map<String, Backend> backends;

    EntityParts(StoragePlan plan, Map<String, Backend> backends) {
        this.plan = plan;
        this.backends = backends;
    }

    StoragePlan plan() {
        return plan;
    }

    Backend backend(String name) {
        return backends.get(name);
    }

    Backend home() {
        return backends.get(plan.home());
    }

    EntityLayout homeLayout() {
        return plan.part(plan.home());
    }

    Set<String> allIds() {
        Backend home = home();
        return BackendCalls.call(home, "ids " + plan.entityId(), () -> home.ids(homeLayout()));
    }

    long count() {
        Backend home = home();
        return BackendCalls.call(home, "count " + plan.entityId(), () -> home.count(homeLayout()));
    }

    /**
     * Values of {@code fields} for {@code ids}, grouped by each field's primary backend: one fetch per
     * backend. Every requested id gets a map (with object_id); values missing on a backend are null.
     */
    Map<String, Map<String, Object>> fetch(Collection<String> ids, Collection<String> fields) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> row = new HashMap<>();
            row.put(Names.OBJECT_ID, id);
            out.put(id, row);
        }
        if (ids.isEmpty()) {
            return out;
        }
        Map<String, Set<String>> byBackend = new LinkedHashMap<>();
        for (String field : fields) {
            if (field.equals(Names.OBJECT_ID) || field.equals(Names.SCORE) || Names.LEG_COLUMNS.contains(field)) {
                continue;
            }
            Placement placement = plan.placement(field);
            byBackend.computeIfAbsent(placement.backend(), b -> new LinkedHashSet<>()).add(field);
        }
        for (Map.Entry<String, Set<String>> group : byBackend.entrySet()) {
            Backend backend = backends.get(group.getKey());
            EntityLayout layout = plan.part(group.getKey());
            Map<String, Map<String, Object>> found = BackendCalls.call(backend, "fetch " + plan.entityId(),
                    () -> backend.fetch(layout, ids, List.copyOf(group.getValue())));
            for (Map.Entry<String, Map<String, Object>> hit : found.entrySet()) {
                Map<String, Object> row = out.get(hit.getKey());
                if (row == null) {
                    continue;
                }
                for (String field : group.getValue()) {
                    row.put(field, hit.getValue().get(field));
                }
            }
        }
        return out;
    }
}
