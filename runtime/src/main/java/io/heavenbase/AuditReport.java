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
     * One finding. Kinds: {@code pending_write} (a journalled write that did not complete),
     * {@code missing_part} (a row lacks its part on a backend), {@code orphan_part} (a part
     * without its row on the home backend). The catalog is derived when read, so it has no kinds.
     */
    public record Issue(String kind, String entity, String objectId, String backend, String detail) {
    }
}
