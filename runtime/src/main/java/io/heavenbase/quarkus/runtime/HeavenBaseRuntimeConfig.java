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
