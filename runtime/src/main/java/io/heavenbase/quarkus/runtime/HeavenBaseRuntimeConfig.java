package io.heavenbase.quarkus.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/**
 * HeavenBase settings read when the application starts: the workspace id and each backend's connection
 * details. Backend names and types are fixed at build time ({@code heavenbase.backends."name".type}).
 */
@ConfigMapping(prefix = "heavenbase")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HeavenBaseRuntimeConfig {

    /**
     * The id of the injected workspace.
     */
    @ConfigDocDefault("the application name (quarkus.application.name)")
    Optional<String> workspace();

    /**
     * Connection details and options of each backend, by backend name. The name must also have a type, from
     * `heavenbase.backends."name".type` or from the preset.
     */
    @ConfigDocMapKey("backend-name")
    @ConfigDocSection
    @WithDefaults
    Map<String, BackendRuntimeConfig> backends();

    /**
     * Whether an unreachable backend (or the datasource it uses) stops the application at startup. By default
     * (`false`) the application starts anyway, like an Agroal datasource does: the backend is reported `DOWN`
     * with the cause in the readiness check and the Dev UI, workspace operations fail with a `BackendException`
     * naming it, and the workspace opens on the first operation after the server answers again, without a
     * restart. Set `true` to fail startup instead. Configuration errors (a malformed URL, a missing driver) always
     * fail startup.
     */
    @WithDefault("false")
    boolean failFast();

    /**
     * Readiness health check of the backends.
     */
    HealthRuntimeConfig health();

    /**
     * How the entities found at build time are registered against the structure an earlier run stored.
     */
    SchemaRuntimeConfig schema();

    /** Run-time settings of entity registration. */
    interface SchemaRuntimeConfig {

        /**
         * What startup does when an entity no longer matches the structure stored when it was last registered.
         * Added fields are always created (and logged). A field whose type changed, that was removed or that is
         * placed on another backend is schema drift: `fail` stops startup with an error naming the entity, the
         * field, the stored type and the new type; `migrate` rewrites the entity to its new definition, keeping
         * its rows but losing the values of changed fields and deleting removed ones (see docs/model.md).
         */
        @WithDefault("fail")
        OnDrift onDrift();
    }

    /** The choices of {@code heavenbase.schema.on-drift}. */
    enum OnDrift {
        /** Stop startup with an error naming every drifted field and the ways out. */
        FAIL,
        /** Rewrite the drifted entity to its new definition; values of changed and removed fields are lost. */
        MIGRATE
    }

    /** Run-time settings of the readiness health check. */
    interface HealthRuntimeConfig {

        /**
         * How long the readiness check waits for one backend to answer before reporting it down. Backends are
         * checked in parallel, so this also bounds the whole check.
         */
        @WithDefault("5S")
        Duration timeout();
    }
}
