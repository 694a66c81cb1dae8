package io.heavenbase.quarkus.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.heavenbase.BackendException;
import io.heavenbase.RegisterOption;
import io.heavenbase.Workspace;
import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.engine.WorkspaceFactory;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.spi.Backend;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.common.annotation.Identifier;

/**
 * Assembles the workspace over the active backend beans, in configured order, and registers the entity classes the
 * build discovered. A backend whose server does not answer joins as a {@link LateBackend} (unless fail-fast is
 * set), and the entities that use it are left pending until it answers.
 */
final class WorkspaceOpener {

    private static final Logger LOG = Logger.getLogger(WorkspaceOpener.class);

    private final String id;
    private final Map<String, String> backendTypes;
    private final List<String> entityClassNames;
    private final RegisterOption[] options;
    private final boolean failFast;

    /**
     * @param backendTypes backend name to type, in configured order
     * @param entityClassNames the entity classes to register
     */
    WorkspaceOpener(String id, Map<String, String> backendTypes, List<String> entityClassNames,
            RegisterOption[] options, boolean failFast) {
        this.id = id;
        this.backendTypes = backendTypes;
        this.entityClassNames = entityClassNames;
        this.options = options;
        this.failFast = failFast;
    }

    /**
     * Opens the workspace; throws the {@link BackendException} of the home backend when that one cannot be
     * reached (it holds the system tables), and of any backend when fail-fast is set.
     */
    ReconnectingWorkspace.Opened open() {
        Map<String, Backend> backends = new LinkedHashMap<>();
        Map<String, LateBackend> late = new LinkedHashMap<>();
        for (Map.Entry<String, String> backend : backendTypes.entrySet()) {
            String name = backend.getKey();
            InstanceHandle<Backend> handle = backendBean(name).getHandle();
            if (!handle.getBean().isActive()) {
                continue;
            }
            try {
                backends.put(name, Unreachable.open(name, handle::get));
            } catch (BackendException e) {
                if (failFast) {
                    throw e;
                }
                LateBackend stand = new LateBackend(name, backend.getValue(),
                        ProviderRegistry.require(name, backend.getValue()).capabilities(),
                        () -> Unreachable.open(name, backendBean(name).getHandle()::get));
                backends.put(name, stand);
                late.put(name, stand);
                LOG.warnf("HeavenBase starts without backend '%s' (%s); the readiness check reports it DOWN and the "
                        + "operations that need it fail until it answers, then it connects without a restart "
                        + "(heavenbase.fail-fast=true stops startup instead)", name, e.getMessage());
            }
        }
        Workspace workspace = WorkspaceFactory.assemble(id, backends);
        Map<String, Class<?>> pending = new LinkedHashMap<>();
        try {
            for (String className : entityClassNames) {
                Class<?> entityClass = loadClass(className);
                try {
                    workspace.register(entityClass, options);
                } catch (BackendException e) {
                    LateBackend down = late.get(e.backend());
                    if (down == null || down.isOpen()) {
                        throw e;
                    }
                    String entityId = EntitySchema.fromClass(entityClass).id();
                    pending.put(entityId, entityClass);
                    LOG.warnf("HeavenBase registers entity '%s' when backend '%s' answers", entityId, e.backend());
                }
            }
        } catch (RuntimeException e) {
            if (Unreachable.is(e)) {
                // The backend beans stay open for the next attempt, when the server answers again; the
                // container closes them at shutdown.
                throw e;
            }
            try {
                workspace.close();
            } catch (RuntimeException closing) {
                // The registration failure is the one that explains what to fix.
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new ReconnectingWorkspace.Opened(workspace, pending, options);
    }

    private static InjectableInstance<Backend> backendBean(String name) {
        return Arc.container().select(Backend.class, Identifier.Literal.of(name));
    }

    private static Class<?> loadClass(String className) {
        try {
            return Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("entity class " + className + " found at build time is missing", e);
        }
    }
}
