package io.heavenbase;

import io.heavenbase.engine.WorkspaceFactory;
import java.util.Map;

/**
 * Entry point of the plain-Java engine: opens workspaces and answers global capability questions.
 * In Quarkus, inject {@link Workspace} instead.
 */
public final class HeavenBase {

    private HeavenBase() {
    }

    /**
     * Opens a workspace on a preset: {@code debug} (sqlite in memory {@code main}, inmem {@code vec}
     * and {@code search}), {@code local-lts} (postgres, lance, elasticsearch) or {@code web-lts}
     * (postgres, pgvector, elasticsearch).
     */
    public static Workspace open(String id, String preset) {
        return WorkspaceFactory.open(id, preset, Map.of());
    }

    /**
     * Opens a workspace on explicit backends: backend name to its configuration map ({@code type}
     * plus that type's keys). Pass an ordered map (e.g. {@code LinkedHashMap}) to fix the order.
     */
    public static Workspace open(String id, Map<String, ? extends Map<String, ?>> backends) {
        return WorkspaceFactory.open(id, null, backends);
    }

    /** A preset whose entries are overridden or extended by explicit backends. */
    public static Workspace open(String id, String preset, Map<String, ? extends Map<String, ?>> backends) {
        return WorkspaceFactory.open(id, preset, backends);
    }

    /** Capabilities of every backend type on the classpath, by backend key. */
    public static Capabilities capabilities() {
        return WorkspaceFactory.globalCapabilities();
    }
}
