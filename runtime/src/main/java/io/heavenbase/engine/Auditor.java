package io.heavenbase.engine;

import io.heavenbase.AuditReport;
import io.heavenbase.RepairReport;
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
 * Finds and fixes drift. Pending journal entries are replayed (an upsert is written again to every
 * part from its journalled rows, a delete is repeated), parts without a home row are deleted,
 * home rows missing a part get that part re-created with null values (reported, since those values
 * were lost before the repair). The catalog is a view derived from the entities' own rows, so it
 * cannot drift and has nothing to audit.
 */
final class Auditor {

    private final Map<String, Backend> backends;
    private final WriteJournal journal;
    private final WriteCoordinator writes;

    Auditor(Map<String, Backend> backends, WriteJournal journal, WriteCoordinator writes) {
        this.backends = backends;
        this.journal = journal;
        this.writes = writes;
    }

    AuditReport audit(Collection<StoragePlan> plans) {
        List<AuditReport.Issue> issues = new ArrayList<>();
        for (WriteJournal.Entry entry : journal.pending()) {
            for (String id : entry.ids()) {
                issues.add(new AuditReport.Issue("pending_write", entry.entity(), id, null,
                        entry.op() + " interrupted (journal entry " + entry.id() + ")"));
            }
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
        AuditReport before = audit(plans.values());
        replayJournal(plans, before, fixed, unresolved);
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

    private void replayJournal(Map<String, StoragePlan> plans, AuditReport before, List<AuditReport.Issue> fixed,
            List<AuditReport.Issue> unresolved) {
        for (WriteJournal.Entry entry : journal.pending()) {
            StoragePlan plan = plans.get(entry.entity());
            List<AuditReport.Issue> issues = new ArrayList<>();
            for (AuditReport.Issue issue : before.issues()) {
                if (issue.kind().equals("pending_write") && issue.detail().contains(entry.id())) {
                    issues.add(issue);
                }
            }
            if (plan == null) {
                unresolved.addAll(issues);
                continue;
            }
            if (entry.op().equals("delete")) {
                writes.delete(plan, entry.ids());
            } else {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Map<String, Object> encoded : entry.payload()) {
                    rows.add(RowNormalizer.normalize(plan.schema(), encoded));
                }
                writes.writeParts(plan, rows);
            }
            journal.complete(entry.id());
            fixed.addAll(issues);
        }
    }

    private static Set<String> sorted(Set<String> ids) {
        return new TreeSet<>(ids);
    }
}
