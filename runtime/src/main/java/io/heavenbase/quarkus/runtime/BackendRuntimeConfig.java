package io.heavenbase.quarkus.runtime;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * The run-time settings of one backend, under {@code heavenbase.backends."name".}. Which keys a backend reads
 * depends on its type; a key its type does not take fails startup naming the property.
 */
@ConfigGroup
public interface BackendRuntimeConfig {

    /**
     * Whether this backend is used. An inactive backend is not opened, is left out of the workspace and is
     * not reported down by the health check; injecting it fails with the reason.
     */
    @WithDefault("true")
    boolean active();

    /**
     * Prefix for the physical names (tables, collections, indexes) this backend creates. Letters, digits and
     * `_`.
     */
    Optional<String> prefix();

    /**
     * Directory of a `json`, `pickle`, `file` or `lance` backend.
     */
    Optional<String> path();

    /**
     * Database of a `sqlite` or `duckdb` backend (`:memory:`, a file path, or a `file:` URI for sqlite), or the
     * database of a `chroma` or `milvus` backend.
     */
    Optional<String> database();

    /**
     * JDBC URL of a SQL server backend (`postgres`, `pgvector`, `mysql`, ...) or the URL of a `chroma` server.
     * SQL server backends can use an Agroal datasource instead, see `heavenbase.backends."name".datasource`.
     */
    Optional<String> url();

    /**
     * User name for a SQL server or `elasticsearch` backend.
     */
    Optional<String> username();

    /**
     * Password for a SQL server or `elasticsearch` backend. Never printed in messages.
     */
    Optional<String> password();

    /**
     * Database schema of a SQL server backend.
     */
    Optional<String> schema();

    /**
     * Vector index of a `pgvector` backend (`hnsw`, `ivfflat`, `none`), or the index name of a `pinecone`
     * backend.
     */
    Optional<String> index();

    /**
     * Tenant of a `chroma` backend.
     */
    Optional<String> tenant();

    /**
     * Access token of a `chroma` or `milvus` backend. Never printed in messages.
     */
    Optional<String> token();

    /**
     * URI of a `milvus` server, for example `http://localhost:19530`.
     */
    Optional<String> uri();

    /**
     * API key of a `pinecone` backend. Never printed in messages.
     */
    Optional<String> apiKey();

    /**
     * Cloud of a `pinecone` serverless index, for example `aws`.
     */
    Optional<String> cloud();

    /**
     * Region of a `pinecone` serverless index, for example `us-east-1`.
     */
    Optional<String> region();

    /**
     * Comma-separated `host:port` list of an `elasticsearch` backend. When not set and the application has
     * `quarkus-elasticsearch-rest-client`, its client is used.
     */
    Optional<String> hosts();

    /**
     * Protocol of an `elasticsearch` backend (`http` or `https`).
     */
    Optional<String> protocol();

    /**
     * Leaves this backend out of the readiness health check: it is listed as excluded and never reported
     * down.
     */
    @WithDefault("false")
    boolean healthExclude();
}
