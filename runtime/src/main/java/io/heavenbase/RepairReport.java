package io.heavenbase;

import java.util.List;

/** What {@link Workspace#repair()} did: the issues it fixed and those it could not. */
public record RepairReport(List<AuditReport.Issue> fixed, List<AuditReport.Issue> unresolved) {

    public RepairReport {
        fixed = List.copyOf(fixed);
        unresolved = List.copyOf(unresolved);
    }
}
