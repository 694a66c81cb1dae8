package io.heavenbase.engine;

import io.heavenbase.AuditReport;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.system.WriteJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pending journal entry left on the backends, id by id. An id a later write took over is a
 * {@code superseded_write} (repair discards it). Otherwise each part of the row is compared with
 * the entry: for an upsert, whether the part holds exactly the journalled values (canonical
 * comparison, see {@link SameValues}); for a delete, whether the part is gone. No part or every
 * part done is a {@code pending_write}; some parts done and others not is a {@code torn_row}, a row
 * whose parts come from two different writes. Both are replayed.
 *
 * <p>An entry left by a version without sequence numbers (seq 0) never had its ids superseded, so
 * it is replayed for an id only when the write had visibly started: some part holds its values
 * (upsert) or is gone (delete). A later acknowledged write rewrote every part, so when no part
 * holds the journalled values the entry is stale: a {@code legacy_write}, discarded (not replaying a
 * write that was never acknowledged is always safe). Costs one fetch per backend per entry.
 */
final class JournalInspection {

    static final String PENDING = "pending_write";
    static final String TORN = "torn_row";
    static final String SUPERSEDED = "superseded_write";
    static final String LEGACY = "legacy_write";
    static final String UNREPLAYABLE = "unreplayable_write";

    /**
     * The issues of one entry and the ids repair replays (the others it discards); {@code replay} is
     * null when the entry cannot be replayed at all.
     */
    record Result(List<AuditReport.Issue> issues, List<String> replay) {
    }

    private final Map<String, Backend> backends;

    JournalInspection(Map<String, Backend> backends) {
        this.backends = backends;
    }

    /** The issues of one entry and the ids to replay; {@code plan} is null when the entity is not registered here. */
    Result inspect(WriteJournal.Entry entry, StoragePlan plan) {
        List<String> replay = new ArrayList<>();
        List<AuditReport.Issue> issues = new ArrayList<>();
        String origin = entry.op() + " of journal entry " + entry.id() + " (seq " + entry.seq() + ")";
        for (Map.Entry<String, Long> superseded : entry.superseded().entrySet()) {
            issues.add(new AuditReport.Issue(SUPERSEDED, entry.entity(), superseded.getKey(), null,
                    origin + " was superseded by the later write with seq " + superseded.getValue()
                            + "; repair discards it"));
        }
        if (entry.ids().isEmpty()) {
            return new Result(issues, replay);
        }
        if (plan == null) {
            for (String id : entry.ids()) {
                issues.add(new AuditReport.Issue(PENDING, entry.entity(), id, null, origin
                        + " interrupted; entity '" + entry.entity() + "' is not registered in this workspace "
                        + "instance, register it to let repair replay the entry"));
            }
            return new Result(issues, replay);
        }
        Map<String, List<String>> doneOn = new HashMap<>();
        Map<String, List<String>> notDoneOn = new HashMap<>();
        Map<String, Map<String, Object>> expected = entry.op().equals("delete") ? null : journalledRows(entry, plan);
        for (Map.Entry<String, EntityLayout> part : plan.parts().entrySet()) {
            Backend backend = backends.get(part.getKey());
            EntityLayout layout = part.getValue();
            Map<String, Map<String, Object>> stored = BackendCalls.call(backend, "fetch " + plan.entityId(),
                    () -> backend.fetch(layout, entry.ids(), layout.fieldNames()));
            for (String id : entry.ids()) {
                boolean done = expected == null ? !stored.containsKey(id)
                        : holds(plan.entityId(), layout, expected.get(id), stored.get(id));
                (done ? doneOn : notDoneOn).computeIfAbsent(id, k -> new ArrayList<>()).add(part.getKey());
            }
        }
        for (String id : entry.ids()) {
            List<String> done = doneOn.getOrDefault(id, List.of());
            List<String> notDone = notDoneOn.getOrDefault(id, List.of());
            if (entry.seq() == 0 && done.isEmpty()) {
                issues.add(new AuditReport.Issue(LEGACY, entry.entity(), id, null, origin + " was written by a "
                        + "version without sequence numbers and no part " + (expected == null ? "is deleted"
                        : "holds its values") + ": a later write replaced it, or it never started; repair discards it"));
                continue;
            }
            replay.add(id);
            if (done.isEmpty() || notDone.isEmpty()) {
                issues.add(new AuditReport.Issue(PENDING, entry.entity(), id, null, origin + " interrupted "
                        + (done.isEmpty() ? "before any part was written" : "after every part was written")
                        + "; repair replays it"));
            } else {
                issues.add(new AuditReport.Issue(TORN, entry.entity(), id, notDone.get(0), origin
                        + " interrupted half way: the parts on " + done + (expected == null ? " are deleted" :
                        " hold its values") + ", the parts on " + notDone + " do not; repair replays it"));
            }
        }
        return new Result(issues, replay);
    }

    /** The entry's rows by id, in canonical form. */
    static Map<String, Map<String, Object>> journalledRows(WriteJournal.Entry entry, StoragePlan plan) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> encoded : entry.payload()) {
            Map<String, Object> row = RowNormalizer.normalize(plan.schema(), encoded);
            rows.put((String) row.get(Names.OBJECT_ID), row);
        }
        return rows;
    }

    private static boolean holds(String entity, EntityLayout layout, Map<String, Object> expected,
            Map<String, Object> stored) {
        if (expected == null || stored == null) {
            return false;
        }
        for (StoredField field : layout.fields()) {
            if (!SameValues.same(field.dtype(), entity, field.name(), expected.get(field.name()),
                    stored.get(field.name()))) {
                return false;
            }
        }
        return true;
    }
}
