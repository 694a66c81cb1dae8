package io.heavenbase.quarkus.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * The injected workspace, which starts even when a backend cannot be reached. A backend other than the home
 * stands in the workspace as a {@link LateBackend}: entities that do not use it work at once, and an entity that
 * does is registered on its first operation after the server answers (until then the operation fails with the
 * {@link BackendException} naming the backend). When the home backend, which holds the system tables, cannot be
 * reached, every operation first tries to open the whole workspace again. Like an Agroal datasource, the
 * application starts and reports the backend DOWN in the readiness check instead of failing startup.
 */
final class ReconnectingWorkspace implements Workspace {

    private static final Logger LOG = Logger.getLogger(ReconnectingWorkspace.class);

    /**
     * What opening produced: the workspace, the entity classes it could not register yet because a backend they
     * use is down (by entity id), and the options to register them with.
     */
    record Opened(Workspace workspace, Map<String, Class<?>> pending, RegisterOption[] options) {

        Opened {
            pending = new ConcurrentHashMap<>(pending);
        }
    }

    private final String id;
    private final Supplier<Opened> opener;
    private volatile Opened opened;
    private boolean closed;

    private ReconnectingWorkspace(String id, Supplier<Opened> opener, Opened opened) {
        this.id = id;
        this.opener = opener;
        this.opened = opened;
    }

    /**
     * The workspace: opened at once, with the entities of unreachable backends pending, or, when the home backend
     * cannot be reached and {@code failFast} is off, one that opens on the first operation after it answers.
     */
    static Workspace open(String id, Supplier<Opened> opener, boolean failFast) {
        try {
            Opened now = opener.get();
            return now.pending().isEmpty() ? now.workspace() : new ReconnectingWorkspace(id, opener, now);
        } catch (BackendException e) {
            if (failFast) {
                throw e;
            }
            LOG.warnf("HeavenBase starts without backend '%s' (%s); the readiness check reports it DOWN and workspace "
                    + "operations fail until it answers; then the workspace opens without a restart "
                    + "(heavenbase.fail-fast=true stops startup instead)", e.backend(), e.getMessage());
            return new ReconnectingWorkspace(id, opener, null);
        }
    }

    private Opened opened() {
        Opened current = opened;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("workspace '" + id + "' is closed");
            }
            if (opened == null) {
                opened = opener.get();
                LOG.infof("HeavenBase workspace '%s' opened", id);
            }
            return opened;
        }
    }

    private Workspace workspace() {
        return opened().workspace();
    }

    /** The workspace, after registering {@code entity} if it was pending on a backend that was down. */
    private Workspace workspace(Object entity) {
        Opened current = opened();
        String entityId = current.pending().isEmpty() ? null : pendingId(current, entity);
        if (entityId != null) {
            synchronized (this) {
                Class<?> entityClass = current.pending().get(entityId);
                if (entityClass != null) {
                    current.workspace().register(entityClass, current.options());
                    current.pending().remove(entityId);
                    LOG.infof("HeavenBase registered entity '%s': its backends answer", entityId);
                }
            }
        }
        return current.workspace();
    }

    private static String pendingId(Opened current, Object entity) {
        if (entity instanceof String entityId) {
            return entityId;
        }
        if (entity instanceof EntitySchema schema) {
            return schema.id();
        }
        for (Map.Entry<String, Class<?>> pending : current.pending().entrySet()) {
            if (pending.getValue() == entity) {
                return pending.getKey();
            }
        }
        return null;
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
        return workspace(entityClass).register(entityClass);
    }

    @Override
    public EntitySchema register(EntitySchema schema) {
        return workspace(schema).register(schema);
    }

    @Override
    public EntitySchema register(Class<?> entityClass, RegisterOption... options) {
        return workspace(entityClass).register(entityClass, options);
    }

    @Override
    public EntitySchema register(EntitySchema schema, RegisterOption... options) {
        return workspace(schema).register(schema, options);
    }

    @Override
    public String upsert(Object entity, Map<String, ?> row) {
        return workspace(entity).upsert(entity, row);
    }

    @Override
    public List<String> upsertMany(Object entity, List<? extends Map<String, ?>> rows) {
        return workspace(entity).upsertMany(entity, rows);
    }

    @Override
    public Optional<Row> get(Object entity, String objectId) {
        return workspace(entity).get(entity, objectId);
    }

    @Override
    public boolean set(Object entity, String objectId, Map<String, ?> patch) {
        return workspace(entity).set(entity, objectId, patch);
    }

    @Override
    public boolean delete(Object entity, String objectId) {
        return workspace(entity).delete(entity, objectId);
    }

    @Override
    public long delete(Object entity, Filter filter) {
        return workspace(entity).delete(entity, filter);
    }

    @Override
    public long deleteJson(Object entity, String json) {
        return workspace(entity).deleteJson(entity, json);
    }

    @Override
    public long deleteJson(Object entity, Map<String, ?> json) {
        return workspace(entity).deleteJson(entity, json);
    }

    @Override
    public long count(Object entity) {
        return workspace(entity).count(entity);
    }

    @Override
    public Query query(Object entity) {
        return workspace(entity).query(entity);
    }

    @Override
    public ResultFrame queryJson(Object entity, String json) {
        return workspace(entity).queryJson(entity, json);
    }

    @Override
    public ResultFrame queryJson(Object entity, Map<String, ?> json) {
        return workspace(entity).queryJson(entity, json);
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
            opened.workspace().close();
        }
    }
}
