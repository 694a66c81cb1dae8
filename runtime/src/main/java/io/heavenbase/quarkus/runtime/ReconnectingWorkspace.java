package io.heavenbase.quarkus.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.heavenbase.AuditReport;
import io.heavenbase.BackendException;
import io.heavenbase.BackendHealth;
import io.heavenbase.Backends;
import io.heavenbase.Filter;
import io.heavenbase.Query;
import io.heavenbase.RegisterOption;
import io.heavenbase.RepairReport;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.WorkspaceCapabilities;
import io.heavenbase.schema.EntitySchema;

/**
 * The injected workspace while a backend it needs could not be reached at startup: every operation first tries
 * to open the real workspace and fails with the {@link BackendException} naming the unreachable backend until the
 * server answers; from then on it delegates. Like an Agroal datasource, the application starts and reports the
 * backend down in the readiness check instead of failing startup.
 */
final class ReconnectingWorkspace implements Workspace {

    private static final Logger LOG = Logger.getLogger(ReconnectingWorkspace.class);

    private final String id;
    private final Supplier<Workspace> opener;
    private volatile Workspace opened;
    private boolean closed;

    private ReconnectingWorkspace(String id, Supplier<Workspace> opener) {
        this.id = id;
        this.opener = opener;
    }

    /**
     * The opened workspace, or, when a backend cannot be reached and {@code failFast} is off, one that opens on the
     * first operation after the backend answers.
     */
    static Workspace open(String id, Supplier<Workspace> opener, boolean failFast) {
        try {
            return opener.get();
        } catch (BackendException e) {
            if (failFast) {
                throw e;
            }
            LOG.warnf("HeavenBase starts without backend '%s' (%s); the readiness check reports it DOWN and workspace "
                    + "operations fail until it answers; then the workspace opens without a restart "
                    + "(heavenbase.fail-fast=true stops startup instead)", e.backend(), e.getMessage());
            return new ReconnectingWorkspace(id, opener);
        }
    }

    private Workspace workspace() {
        Workspace current = opened;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("workspace '" + id + "' is closed");
            }
            if (opened == null) {
                opened = opener.get();
                LOG.infof("HeavenBase workspace '%s' opened: every backend answers", id);
            }
            return opened;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Backends backends() {
        return workspace().backends();
    }

    @Override
    public EntitySchema register(Class<?> entityClass) {
        return workspace().register(entityClass);
    }

    @Override
    public EntitySchema register(EntitySchema schema) {
        return workspace().register(schema);
    }

    @Override
    public EntitySchema register(Class<?> entityClass, RegisterOption... options) {
        return workspace().register(entityClass, options);
    }

    @Override
    public EntitySchema register(EntitySchema schema, RegisterOption... options) {
        return workspace().register(schema, options);
    }

    @Override
    public String upsert(Object entity, Map<String, ?> row) {
        return workspace().upsert(entity, row);
    }

    @Override
    public List<String> upsertMany(Object entity, List<? extends Map<String, ?>> rows) {
        return workspace().upsertMany(entity, rows);
    }

    @Override
    public Optional<Row> get(Object entity, String objectId) {
        return workspace().get(entity, objectId);
    }

    @Override
    public boolean set(Object entity, String objectId, Map<String, ?> patch) {
        return workspace().set(entity, objectId, patch);
    }

    @Override
    public boolean delete(Object entity, String objectId) {
        return workspace().delete(entity, objectId);
    }

    @Override
    public long delete(Object entity, Filter filter) {
        return workspace().delete(entity, filter);
    }

    @Override
    public long deleteJson(Object entity, String json) {
        return workspace().deleteJson(entity, json);
    }

    @Override
    public long deleteJson(Object entity, Map<String, ?> json) {
        return workspace().deleteJson(entity, json);
    }

    @Override
    public long count(Object entity) {
        return workspace().count(entity);
    }

    @Override
    public Query query(Object entity) {
        return workspace().query(entity);
    }

    @Override
    public ResultFrame queryJson(Object entity, String json) {
        return workspace().queryJson(entity, json);
    }

    @Override
    public ResultFrame queryJson(Object entity, Map<String, ?> json) {
        return workspace().queryJson(entity, json);
    }

    @Override
    public AuditReport audit() {
        return workspace().audit();
    }

    @Override
    public RepairReport repair() {
        return workspace().repair();
    }

    @Override
    public void refresh() {
        workspace().refresh();
    }

    @Override
    public void drop() {
        workspace().drop();
    }

    @Override
    public WorkspaceCapabilities capabilities() {
        return workspace().capabilities();
    }

    @Override
    public List<BackendHealth> health() {
        return workspace().health();
    }

    /** Closes the opened workspace; a workspace never opened holds nothing (the container closes the backends). */
    @Override
    public synchronized void close() {
        closed = true;
        if (opened != null) {
            opened.close();
        }
    }
}
