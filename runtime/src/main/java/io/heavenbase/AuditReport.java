package io.heavenbase;

import java.util.List;

/**
 * Drift between the catalog, the entity rows and the backends holding parts of rows. Empty
 * {@link #issues()} means consistent.
 */
public record AuditReport(List<Issue> issues) {

    public AuditReport {
        issues = List.copyOf(issues);
    }

    public boolean consistent() {
        return issues.isEmpty();
    }

    /**
     * One finding. Kinds: {@code pending_write} (a journalled write that did not complete; none or
     * all of the row's parts hold it), {@code torn_row} (a journalled write that stopped half way:
     * some parts hold it, others still hold an older write), {@code superseded_write} (a journalled
     * write a later write of the same id replaced; repair discards it), {@code missing_part} (a row
     * lacks its part on a backend), {@code orphan_part} (a part without its row on the home
     * backend).
     */
    public record Issue(String kind, String entity, String objectId, String backend, String detail) {
    }
}
