package io.heavenbase.engine;

import io.heavenbase.AuditReport;
import io.heavenbase.RepairReport;
import io.heavenbase.ValidationException;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.system.SystemEntities;
import io.heavenbase.system.WriteJournal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds and fixes drift. Pending journal entries are inspected (see {@link JournalInspection}) and,
 * on repair, handled in sequence order: ids a later write superseded (and stale ids of entries from
 * a version without sequence numbers) are discarded, the others replayed (an upsert is written again to every part from its journalled rows, a delete is
 * repeated), so a replay never reverts a later write and replaying twice changes nothing. Then
 * parts without a home row are deleted, and home rows missing a part get that part re-created
 * with null values (reported, since those values were lost before the repair). The catalog is a
 * view derived from the entities' own rows, so it cannot drift and has nothing to audit.
 */
final class Auditor {

    private final Map<String, Backend> backends;
    private final WriteJournal journal;
    private final WriteCoordinator writes;
    private final JournalInspection inspection;

    Auditor(Map<String, Backend> backends, WriteJournal journal, WriteCoordinator writes) {
        this.backends = backends;
        this.journal = journal;
        this.writes = writes;
        this.inspection = new JournalInspection(backends);
    }

    AuditReport audit(Collection<StoragePlan> plans) {
        Map<String, StoragePlan> byEntity = new HashMap<>();
        for (StoragePlan plan : plans) {
            byEntity.put(plan.entityId(), plan);
        }
        List<AuditReport.Issue> issues = new ArrayList<>();
        for (WriteJournal.Entry entry : journal.pending()) {
            issues.addAll(inspect(entry, byEntity.get(entry.entity())).issues());
        }
        for (StoragePlan plan : plans) {
            if (SystemEntities.isSystem(plan.entityId())) {
                continue;
            }
            EntityParts parts = new EntityParts(plan, backends);
            Set<String> home = parts.allIds();
            for (Map.Entry<String, EntityLayout> part : plan.parts().entrySet()) {
                if (part.getKey().equals(plan.home())) {
                    continue;
                }
                Backend backend = backends.get(part.getKey());
                Set<String> present = BackendCalls.call(backend, "ids " + plan.entityId(),
                        () -> backend.ids(part.getValue()));
                for (String id : sorted(home)) {
                    if (!present.contains(id)) {
                        issues.add(new AuditReport.Issue("missing_part", plan.entityId(), id, part.getKey(),
                                "row has no part on backend '" + part.getKey() + "'"));
                    }
                }
                for (String id : sorted(present)) {
                    if (!home.contains(id)) {
                        issues.add(new AuditReport.Issue("orphan_part", plan.entityId(), id, part.getKey(),
                                "part on backend '" + part.getKey() + "' has no row on home backend '"
                                        + plan.home() + "'"));
                    }
                }
            }
        }
        return new AuditReport(issues);
    }

    RepairReport repair(Map<String, StoragePlan> plans) {
        List<AuditReport.Issue> fixed = new ArrayList<>();
        List<AuditReport.Issue> unresolved = new ArrayList<>();
        replayJournal(plans, fixed, unresolved);
        AuditReport afterReplay = audit(plans.values());
        Map<String, List<AuditReport.Issue>> byKind = new LinkedHashMap<>();
        for (AuditReport.Issue issue : afterReplay.issues()) {
            byKind.computeIfAbsent(issue.kind(), k -> new ArrayList<>()).add(issue);
        }
        for (AuditReport.Issue issue : byKind.getOrDefault("orphan_part", List.of())) {
            StoragePlan plan = plans.get(issue.entity());
            Backend backend = backends.get(issue.backend());
            BackendCalls.run(backend, "repair " + plan.entityId(),
                    () -> backend.delete(plan.part(issue.backend()), List.of(issue.objectId())));
            fixed.add(issue);
        }
        for (AuditReport.Issue issue : byKind.getOrDefault("missing_part", List.of())) {
            StoragePlan plan = plans.get(issue.entity());
            EntityLayout layout = plan.part(issue.backend());
            Map<String, Object> empty = new HashMap<>();
            empty.put("object_id", issue.objectId());
            Backend backend = backends.get(issue.backend());
            BackendCalls.run(backend, "repair " + plan.entityId(),
                    () -> backend.upsert(layout, WriteCoordinator.split(layout, List.of(empty))));
            fixed.add(new AuditReport.Issue(issue.kind(), issue.entity(), issue.objectId(), issue.backend(),
                    "re-created the part with null values; its former values were lost before this repair"));
        }
        return new RepairReport(fixed, unresolved);
    }

    /**
     * Handles every pending entry in sequence order: replays the ids the inspection keeps, discards
     * the others, then removes the entry with its markers. An entry that cannot be replayed here
     * (entity not registered, payload no longer valid) stays, reported as unresolved.
     */
    private void replayJournal(Map<String, StoragePlan> plans, List<AuditReport.Issue> fixed,
            List<AuditReport.Issue> unresolved) {
        for (WriteJournal.Entry entry : journal.pending()) {
            StoragePlan plan = plans.get(entry.entity());
            JournalInspection.Result result = inspect(entry, plan);
            if (plan == null || result.replay() == null) {
                unresolved.addAll(result.issues());
                continue;
            }
            if (!result.replay().isEmpty()) {
                if (entry.op().equals("delete")) {
                    writes.deleteParts(plan, result.replay());
                } else {
                    Map<String, Map<String, Object>> rows = JournalInspection.journalledRows(entry, plan);
                    List<Map<String, Object>> replayed = new ArrayList<>();
                    for (String id : result.replay()) {
                        replayed.add(rows.get(id));
                    }
                    writes.writeParts(plan, replayed);
                }
            }
            journal.complete(entry);
            fixed.addAll(result.issues());
        }
        journal.removeOrphanMarkers();
    }

    /**
     * Inspects one entry; a payload that no longer validates against the entity's current schema
     * (the schema changed since the write) is reported for that entry alone, with a null replay.
     */
    private JournalInspection.Result inspect(WriteJournal.Entry entry, StoragePlan plan) {
        try {
            return inspection.inspect(entry, plan);
        } catch (ValidationException e) {
            List<AuditReport.Issue> issues = new ArrayList<>();
            for (String id : entry.ids()) {
                issues.add(new AuditReport.Issue(JournalInspection.UNREPLAYABLE, entry.entity(), id, null,
                        entry.op() + " of journal entry " + entry.id() + " (seq " + entry.seq() + ") no longer "
                                + "fits the schema of '" + entry.entity() + "' (" + e.getMessage()
                                + "); repair leaves it for a manual fix"));
            }
            return new JournalInspection.Result(issues, null);
        }
    }

    private static Set<String> sorted(Set<String> ids) {
        return new TreeSet<>(ids);
    }
}
