package io.heavenbase.engine;

import io.heavenbase.RegisterOption;
import io.heavenbase.TextAnalyzer;
import io.heavenbase.ValidationException;
import io.heavenbase.routing.Placement;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.system.StoredFieldRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The difference between how an entity was stored when it was last registered (its
 * {@code sys-metaschema} field rows) and the definition registered now: fields added, fields whose
 * type changed, fields no longer declared, fields placed on other backends than they are stored on and text fields
 * whose analyzer changed (their stored terms and indexes were made by the old one).
 */
final class SchemaDrift {

    /** A field whose stored type differs from its declared type. */
    record Change(String field, String storedType, String newType) {
        @Override
        public String toString() {
            return field + " (" + storedType + " -> " + newType + ")";
        }
    }

    /** A field of unchanged type now placed on other backends than it is stored on. */
    record Move(String field, Set<String> storedOn, Set<String> placedOn) {
        @Override
        public String toString() {
            return field + " (" + storedOn + " -> " + placedOn + ")";
        }
    }

    /** A text field of unchanged type whose analyzer changed. */
    record Reanalyzed(String field, String storedAnalyzer, String newAnalyzer) {
        @Override
        public String toString() {
            return field + " (analyzer " + storedAnalyzer + " -> " + newAnalyzer + ")";
        }
    }

    private final String entityId;
    private final Map<String, String> storedTypes;
    private final List<String> added = new ArrayList<>();
    private final List<Change> changed = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<Move> moved = new ArrayList<>();
    private final List<Reanalyzed> reanalyzed = new ArrayList<>();

    private SchemaDrift(String entityId, Map<String, String> storedTypes) {
        this.entityId = entityId;
        this.storedTypes = storedTypes;
    }

    /**
     * Compares the stored rows (empty for an entity never registered) with the plan of the
     * definition registered now.
     */
    static SchemaDrift compare(List<StoredFieldRow> stored, StoragePlan offered) {
        Map<String, String> storedTypes = new LinkedHashMap<>();
        Map<String, Set<String>> storedOn = new LinkedHashMap<>();
        Map<String, String> storedAnalyzers = new LinkedHashMap<>();
        for (StoredFieldRow row : stored) {
            storedTypes.putIfAbsent(row.field(), row.dtype());
            if (row.analyzer() != null) {
                storedAnalyzers.putIfAbsent(row.field(), row.analyzer());
            }
            storedOn.computeIfAbsent(row.field(), f -> new TreeSet<>()).add(row.backend());
        }
        SchemaDrift drift = new SchemaDrift(offered.entityId(), storedTypes);
        if (storedTypes.isEmpty()) {
            return drift;
        }
        for (FieldSchema field : offered.schema().fields()) {
            String storedType = storedTypes.get(field.name());
            String newType = field.dtype().toString();
            if (storedType == null) {
                drift.added.add(field.name());
            } else if (!storedType.equals(newType)) {
                drift.changed.add(new Change(field.name(), storedType, newType));
            } else {
                Set<String> placedOn = backendsOf(offered, field.name());
                if (!placedOn.equals(storedOn.get(field.name()))) {
                    drift.moved.add(new Move(field.name(), storedOn.get(field.name()), placedOn));
                }
                // rows written before analyzers were recorded have none: they were analyzed as standard
                String storedAnalyzer = storedAnalyzers.getOrDefault(field.name(), TextAnalyzer.STANDARD.id());
                if (field.dtype().kind().isText() && !storedAnalyzer.equals(field.analyzer().id())) {
                    drift.reanalyzed.add(new Reanalyzed(field.name(), storedAnalyzer, field.analyzer().id()));
                }
            }
        }
        for (String field : storedTypes.keySet()) {
            if (!offered.schema().has(field)) {
                drift.removed.add(field);
            }
        }
        return drift;
    }

    /** The backends holding a field under {@code plan}, as {@code sys-metaschema} records them. */
    static Set<String> backendsOf(StoragePlan plan, String field) {
        Set<String> out = new TreeSet<>();
        for (Placement placement : plan.placements(field)) {
            out.add(placement.backend());
        }
        if (out.isEmpty()) {
            out.add(plan.home());
        }
        return out;
    }

    List<String> added() {
        return added;
    }

    List<Change> changed() {
        return changed;
    }

    List<String> removed() {
        return removed;
    }

    List<Move> moved() {
        return moved;
    }

    List<Reanalyzed> reanalyzed() {
        return reanalyzed;
    }

    /**
     * Whether registering needs {@link RegisterOption#MIGRATE}: a type changed, a field was removed,
     * a field moved to other backends (its values would not be found there) or a text field's analyzer changed
     * (terms stored or indexed by the old one would answer wrongly).
     */
    boolean needsMigration() {
        return !changed.isEmpty() || !removed.isEmpty() || !moved.isEmpty() || !reanalyzed.isEmpty();
    }

    /** The registration failure naming every changed and removed field and the ways out. */
    ValidationException failure(String workspace) {
        List<String> details = new ArrayList<>();
        for (Change change : changed) {
            details.add("field '" + change.field() + "' is stored as " + change.storedType() + " but is now declared as "
                    + change.newType());
        }
        for (String field : removed) {
            details.add("field '" + field + "' is stored as " + storedTypes.get(field)
                    + " but is no longer declared (new type: none)");
        }
        for (Move move : moved) {
            details.add("field '" + move.field() + "' (" + storedTypes.get(move.field()) + ") is stored on backend(s) "
                    + move.storedOn() + " but is now placed on " + move.placedOn());
        }
        for (Reanalyzed change : reanalyzed) {
            details.add("field '" + change.field() + "' is stored with analyzer " + change.storedAnalyzer()
                    + " but is now declared with analyzer " + change.newAnalyzer());
        }
        String firstField = !changed.isEmpty() ? changed.get(0).field()
                : !removed.isEmpty() ? removed.get(0)
                : !moved.isEmpty() ? moved.get(0).field() : reanalyzed.get(0).field();
        return new ValidationException(entityId, firstField, "schema_drift", "entity '" + entityId
                + "' in workspace '" + workspace + "' does not match its stored structure: " + String.join("; ", details)
                + ". Nothing was changed. To rewrite the entity to the new definition (values of changed fields are"
                + " lost, removed fields are deleted, moved fields are copied, fields with a changed analyzer are"
                + " rewritten), register it with RegisterOption.MIGRATE (in Quarkus set"
                + " heavenbase.schema.on-drift=migrate); or drop the stored data (Workspace.drop()); or restore"
                + " the previous definition");
    }
}
