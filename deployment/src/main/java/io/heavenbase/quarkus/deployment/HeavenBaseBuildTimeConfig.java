package io.heavenbase.quarkus.deployment;

import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * HeavenBase settings fixed when the application is built: which backends exist and of which type, the
 * preset, and the health and Dev Services switches.
 *
 * <p>
 * This root is {@code BUILD_TIME} on purpose: on Quarkus 3.33 a {@code BUILD_AND_RUN_TIME_FIXED} root and a
 * {@code RUN_TIME} root cannot share the {@code heavenbase} prefix (startup fails with "does not map to any
 * root"), a {@code BUILD_TIME} root and a {@code RUN_TIME} root can.
 */
@ConfigMapping(prefix = "heavenbase")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface HeavenBaseBuildTimeConfig {

    /**
     * A named set of backends to start from: `debug` (`main` sqlite in memory, `vec` and `search` inmem; needs
     * no services), `local-lts` (`main` postgres, `vec` lance, `search` elasticsearch) or `web-lts` (`main`
     * postgres, `vec` pgvector, `search` elasticsearch). Backends configured under `heavenbase.backends`
     * override or extend the preset's entries by name. With neither a preset nor any backend, dev and test mode
     * run on `debug` (logged once) and a production build fails naming this property.
     */
    Optional<String> preset();

    /**
     * The backends of the workspace, by backend name. Each name becomes a CDI bean of type
     * `io.heavenbase.spi.Backend` with qualifier `@Identifier("name")`.
     */
    @ConfigDocMapKey("backend-name")
    @ConfigDocSection
    Map<String, BackendBuildTimeConfig> backends();

    /**
     * Health check settings.
     */
    HealthBuildTimeConfig health();

    /**
     * Dev Services settings.
     */
    DevServicesBuildTimeConfig devservices();

    /**
     * REST settings.
     */
    RestBuildTimeConfig rest();

    /** Build-time settings of the REST integration. */
    interface RestBuildTimeConfig {

        /**
         * Whether HeavenBase exceptions that reach a Quarkus REST (`quarkus-rest`) endpoint are answered as problem
         * responses (`application/problem+json`): `400` for a `ValidationException` (with its entity, field path
         * and rule), `503` for a `BackendException` (with the backend). An application's own exception mapper for
         * the same exception type takes precedence. Set `false` to leave these exceptions to the application.
         */
        @WithDefault("true")
        boolean problemResponses();
    }

    /** The build-time settings of one backend. */
    interface BackendBuildTimeConfig {

        /**
         * The backend type: `inmem`, `json`, `pickle`, `file`, `sqlite`, `duckdb`, `postgres`, `pgvector`,
         * `mysql`, `oceanbase`, `mssql`, `oracle`, `trino`, `starrocks`, `lance`, `chroma`, `milvus`,
         * `pinecone` or `elasticsearch`. Required unless the preset defines a backend of this name. The build
         * fails when the type is unknown or its driver is not on the class path.
         */
        Optional<String> type();

        /**
         * The Agroal datasource a SQL server backend (`postgres`, `pgvector`, `mysql`, ...) takes its
         * connections from: `<default>` for the default datasource, otherwise the name used in
         * `quarkus.datasource."name".db-kind`. When neither this nor `heavenbase.backends."name".url` is set
         * and the application has a default datasource, the default datasource is used.
         */
        Optional<String> datasource();
    }

    /** Build-time settings of the readiness health check. */
    interface HealthBuildTimeConfig {

        /**
         * Whether the readiness health check `HeavenBase backends` is published when `quarkus-smallrye-health`
         * is present.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Build-time settings of the HeavenBase Dev Services. */
    interface DevServicesBuildTimeConfig {

        /**
         * Whether HeavenBase starts a server in dev and test mode for each server backend that has no
         * connection configured. `quarkus.devservices.enabled=false` turns every Dev Service off, this one
         * included.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How a missing server is started: `auto` picks a container when a container runtime is available and
         * the backend has a container image, otherwise an embedded or local-process server when the backend
         * has one; `embedded` only uses embedded or local-process servers; `container` only uses containers.
         */
        @WithDefault("auto")
        DevServicesMode mode();

        /**
         * The container image of a backend type, replacing its default image, e.g.
         * `heavenbase.devservices.images.postgres=postgres:16`. The keys are the types that have a container:
         * `postgres` (default `postgres:17`), `pgvector` (`pgvector/pgvector:pg17`), `mysql` and `oceanbase`
         * (`mysql:8.4`), `elasticsearch` (`opensearchproject/opensearch:2.19.1`), `milvus`
         * (`milvusdb/milvus:v2.6.11`) and `chroma` (`chromadb/chroma:1.0.0`). The image must behave like the
         * default one: same ports, environment variables and readiness messages.
         */
        @ConfigDocMapKey("backend-type")
        Map<String, String> images();

        /**
         * In dev mode, whether a container that another running Quarkus application started for a backend of
         * the same name and type is reused instead of starting a new one, and whether the containers started here
         * carry the `io.quarkus.devservice` label that lets other applications reuse them.
         */
        @WithDefault("true")
        boolean shared();
    }

    /** How HeavenBase Dev Services start a server. */
    enum DevServicesMode {
        /** Container when a container runtime is available, else embedded. */
        AUTO,
        /** Embedded or local-process servers only. */
        EMBEDDED,
        /** Containers only. */
        CONTAINER
    }
}
