package io.heavenbase.quarkus.runtime;

import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
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
     * Connection pool size of a `postgres` or `pgvector` backend that connects with its own `url` (default 8).
     * A backend on an Agroal datasource uses the datasource's pool instead.
     */
    Optional<Integer> poolSize();

    /**
     * Up to this many eligible rows, `near` scores every row exactly instead of using the vector index: a
     * `pgvector` (default 10000), `chroma` (default 1000) or `lance` (default 10000) backend.
     */
    Optional<Integer> exactNearLimit();

    /**
     * Rows a `lance` dataset must hold before a `VectorIndex` field gets an IVF index (default 100000; 0 never).
     */
    Optional<Integer> indexMinRows();

    /**
     * IVF partitions a `lance` backend searches per query when the vector index is used (default 20).
     */
    Optional<Integer> nprobes();

    /**
     * A `lance` dataset is compacted after this many writes through the backend (default 100; 0 never).
     */
    Optional<Integer> compactEvery();

    /**
     * Metric of the vector indexes a `milvus` backend builds or of a `pinecone` index it creates: `cosine`
     * (default), `dot` or `l2`.
     */
    Optional<String> metric();

    /**
     * Vector index type of a `milvus` backend: `HNSW` (default), `FLAT` or `AUTOINDEX`.
     */
    Optional<String> indexType();

    /**
     * Data-plane URL of a `pinecone` index (for example Pinecone Local); when not set it is looked up with the
     * control plane.
     */
    Optional<String> host();

    /**
     * Control-plane URL of a `pinecone` backend (default `https://api.pinecone.io`).
     */
    Optional<String> apiUrl();

    /**
     * Any other key the backend's type takes, passed to the backend as is, for example
     * `heavenbase.backends.vec.options."exact-near-limit"=500` or a key of a backend type from another library.
     * Keys are spelled as in the backend's documentation (kebab-case). A key the type does not take fails
     * startup naming the property; a key that also has its own property above, a build-time key (`type`,
     * `datasource`) or a key starting with `_` is rejected.
     */
    @ConfigDocMapKey("option")
    Map<String, String> options();

    /**
     * Leaves this backend out of the readiness health check: it is listed as excluded and never reported
     * down.
     */
    @WithDefault("false")
    boolean healthExclude();
}
