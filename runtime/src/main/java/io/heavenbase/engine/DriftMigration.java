package io.heavenbase.engine;

import io.heavenbase.HeavenBaseException;
import io.heavenbase.RegisterOption;
import io.heavenbase.ValidationException;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.system.StoredFieldRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link RegisterOption#MIGRATE}: rewrites an entity whose stored structure drifted from its new
 * definition. Every row is read through the stored structure (only the fields kept with their type),
 * checked against the new definition, and only then are the old structures dropped, the new ones
 * created and the rows written back. Works through the backend SPI alone, so on every backend.
 */
final class DriftMigration {

    private static final int BATCH = 1000;

    private DriftMigration() {
    }

    /**
     * The entity as it was stored: the stored fields with their stored types, placed as the rules
     * place them or, failing that, on the backends the stored rows name.
     */
    static StoragePlan storedPlan(String entityId, List<StoredFieldRow> stored, PlacementRules rules) {
        Map<String, Set<String>> storedOn = new LinkedHashMap<>();
        for (StoredFieldRow row : stored) {
            storedOn.computeIfAbsent(row.field(), f -> new TreeSet<>()).add(row.backend());
        }
        for (boolean placed : new boolean[] {false, true}) {
            StoragePlan plan;
            try {
                plan = rules.plan(storedSchema(entityId, stored, storedOn, placed));
            } catch (HeavenBaseException notPlaceable) {
                continue;
            }
            if (storedOn.entrySet().stream()
                    .allMatch(e -> SchemaDrift.backendsOf(plan, e.getKey()).equals(e.getValue()))) {
                return plan;
            }
        }
        throw new ValidationException(entityId, null, "schema_drift", "entity '" + entityId
                + "' cannot be migrated, nothing was changed: its stored placement " + storedOn
                + " cannot be rebuilt on the configured backends; restore the previous backends, or drop the data");
    }

    private static EntitySchema storedSchema(String entityId, List<StoredFieldRow> stored,
            Map<String, Set<String>> storedOn, boolean placed) {
        EntitySchema.Builder builder = EntitySchema.builder(entityId);
        Set<String> seen = new HashSet<>();
        for (StoredFieldRow row : stored) {
            if (!seen.add(row.field())) {
                continue;
            }
            // A field stored on one backend only is pinned there; one with replicas is left to the rules,
            // which are what made the replicas.
            boolean pinned = placed && !Names.OBJECT_ID.equals(row.field()) && storedOn.get(row.field()).size() == 1
                    && row.backend() != null && row.strategy() != null;
            builder.field(row.field(), row.dtype(), field -> {
                field.analyzer(row.analyzer());
                if (pinned) {
                    field.store(row.backend(), row.strategy());
                }
            });
        }
        return builder.build();
    }

    /**
     * Reads every row of the stored entity and returns it normalised to {@code target}: fields kept
     * with their type keep their values, the others are absent (so null or their default).
     */
    static List<Map<String, Object>> readRows(StoragePlan stored, EntitySchema target, SchemaDrift drift,
            Map<String, Backend> backends) {
        Set<String> kept = new HashSet<>(stored.schema().fieldNames());
        kept.retainAll(target.fieldNames());
        for (SchemaDrift.Change change : drift.changed()) {
            kept.remove(change.field());
        }
        Backend home = backends.get(stored.home());
        EntityLayout homeLayout = stored.part(stored.home());
        Set<String> ids = BackendCalls.call(home, "ids " + stored.entityId(), () -> home.ids(homeLayout));
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (String id : ids) {
            rows.put(id, new LinkedHashMap<>(Map.of(Names.OBJECT_ID, id)));
        }
        for (Map.Entry<String, EntityLayout> part : stored.parts().entrySet()) {
            Backend backend = backends.get(part.getKey());
            List<String> fields = new ArrayList<>();
            for (String field : part.getValue().fieldNames()) {
                if (kept.contains(field) && !field.equals(Names.OBJECT_ID)
                        && stored.placement(field).backend().equals(part.getKey())) {
                    fields.add(field);
                }
            }
            if (fields.isEmpty() || ids.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Object>> found = BackendCalls.call(backend, "fetch " + stored.entityId(),
                    () -> backend.fetch(part.getValue(), ids, fields));
            for (Map.Entry<String, Map<String, Object>> row : found.entrySet()) {
                Map<String, Object> merged = rows.get(row.getKey());
                if (merged != null) {
                    for (String field : fields) {
                        merged.put(field, row.getValue().get(field));
                    }
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows.values()) {
            try {
                out.add(RowNormalizer.normalize(target, row));
            } catch (ValidationException e) {
                throw new ValidationException(target.id(), e.field(), "schema_drift", "entity '" + target.id()
                        + "' cannot be migrated to its new definition, nothing was changed: row '"
                        + row.get(Names.OBJECT_ID) + "' " + e.getMessage()
                        + " (give the field a default value, or make it optional, to migrate)");
            }
        }
        return out;
    }

    /** Drops the stored structures of every part of {@code stored}. */
    static void dropStored(StoragePlan stored, Map<String, Backend> backends) {
        for (Map.Entry<String, EntityLayout> part : stored.parts().entrySet()) {
            Backend backend = backends.get(part.getKey());
            BackendCalls.run(backend, "drop " + stored.entityId(), () -> backend.drop(part.getValue()));
        }
    }

    /** Writes the migrated rows in batches. */
    static void writeBack(StoragePlan plan, List<Map<String, Object>> rows, WriteCoordinator writes) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            writes.upsert(plan, new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
    }
}
