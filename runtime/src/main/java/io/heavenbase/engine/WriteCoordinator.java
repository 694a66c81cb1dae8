package io.heavenbase.engine;

import io.heavenbase.routing.StoragePlan;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.system.WriteJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path: splits canonical rows into one part per backend (each carrying object_id), writes
 * one batch per backend. A write that spans several backends is journalled first, so a failure half
 * way leaves a record that audit reports and repair replays; once every part is stored it
 * supersedes the same ids in older pending entries (see {@link WriteJournal#finish}). A write to
 * an entity on one backend touches no journal.
 */
final class WriteCoordinator {

    private final Map<String, Backend> backends;
    private final WriteJournal journal;

    WriteCoordinator(Map<String, Backend> backends, WriteJournal journal) {
        this.backends = backends;
        this.journal = journal;
    }

    void upsert(StoragePlan plan, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        WriteJournal.Ticket entry = null;
        if (spansBackends(plan)) {
            List<Map<String, Object>> encoded = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                @SuppressWarnings("unchecked")
                Map<String, Object> copy = (Map<String, Object>) JournalCodec.encode(row);
                encoded.add(copy);
            }
            entry = journal.begin("upsert", plan.entityId(), ids(rows), encoded);
        }
        writeParts(plan, rows);
        if (entry != null) {
            journal.finish(entry);
        }
    }

    /** Writes every part of these rows, in configured backend order. */
    void writeParts(StoragePlan plan, List<Map<String, Object>> rows) {
        for (Map.Entry<String, EntityLayout> part : plan.parts().entrySet()) {
            Backend backend = backends.get(part.getKey());
            List<Map<String, Object>> fragments = split(part.getValue(), rows);
            BackendCalls.run(backend, "upsert " + plan.entityId(), () -> backend.upsert(part.getValue(), fragments));
        }
    }

    void delete(StoragePlan plan, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        WriteJournal.Ticket entry = spansBackends(plan) ? journal.begin("delete", plan.entityId(), ids, null) : null;
        deleteParts(plan, ids);
        if (entry != null) {
            journal.finish(entry);
        }
    }

    /**
     * Whether a pending journal entry would still write this id: a row that an interrupted write
     * never got onto its home backend is invisible, yet a delete must supersede that entry so
     * repair does not bring the row back. False without reading for an entity on one backend.
     */
    boolean pendingWrite(StoragePlan plan, String objectId) {
        return spansBackends(plan) && journal.holds(plan.entityId(), objectId);
    }

    private static boolean spansBackends(StoragePlan plan) {
        return plan.parts().size() > 1;
    }

    /** Deletes the home part last, so the row stays listed (and auditable) until every part is gone. */
    void deleteParts(StoragePlan plan, List<String> ids) {
        List<String> order = new ArrayList<>(plan.parts().keySet());
        order.remove(plan.home());
        order.add(plan.home());
        for (String name : order) {
            Backend backend = backends.get(name);
            EntityLayout layout = plan.part(name);
            BackendCalls.run(backend, "delete " + plan.entityId(), () -> backend.delete(layout, ids));
        }
    }

    /**
     * The part of each row that {@code layout} stores: object_id and the layout's fields. A row that
     * holds exactly those (an entity on one backend) is handed over as it is, without a copy.
     */
    static List<Map<String, Object>> split(EntityLayout layout, List<Map<String, Object>> rows) {
        List<StoredField> fields = layout.fields();
        if (rows.stream().allMatch(row -> holdsExactly(row, fields))) {
            return rows;
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        int capacity = (int) ((fields.size() + 1) / 0.75f) + 1;
        for (Map<String, Object> row : rows) {
            Map<String, Object> part = new LinkedHashMap<>(capacity);
            part.put("object_id", row.get("object_id"));
            for (StoredField field : fields) {
                part.put(field.name(), row.get(field.name()));
            }
            out.add(part);
        }
        return out;
    }

    private static boolean holdsExactly(Map<String, Object> row, List<StoredField> fields) {
        if (row.size() != fields.size() + 1 || !row.containsKey("object_id")) {
            return false;
        }
        for (StoredField field : fields) {
            if (!row.containsKey(field.name())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            ids.add((String) row.get("object_id"));
        }
        return ids;
    }
}
