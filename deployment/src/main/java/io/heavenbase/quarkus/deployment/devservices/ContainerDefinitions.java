package io.heavenbase.quarkus.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The container each server backend type gets from HeavenBase Dev Services when a container runtime is available.
 * Types missing here ({@code mssql}, {@code oracle}, {@code trino}, {@code starrocks}, {@code pinecone}) have no
 * container.
 */
final class ContainerDefinitions {

    /**
     * The MySQL database. The SQL containers hand over the same connection as the embedded servers (PostgreSQL: user
     * {@code postgres}, database {@code postgres}; MySQL: user {@code root}, database {@code heavenbase}; neither
     * with a password), so an application sees no difference between the two.
     */
    static final String MYSQL_DATABASE = "heavenbase";

    private static final String MILVUS_ETCD_CONFIG = "/milvus/configs/embedEtcd.yaml";

    private static final Map<String, ContainerDefinition> BY_TYPE = Map.of(
            "postgres", postgres("postgres:17"),
            "pgvector", postgres("pgvector/pgvector:pg17"),
            "mysql", mysql(),
            "oceanbase", mysql(),
            "elasticsearch", openSearch(),
            "milvus", milvus(),
            "chroma", chroma());

    private ContainerDefinitions() {
    }

    /** The container of a backend type, or null when the type has none. */
    static ContainerDefinition of(String backendType) {
        return BY_TYPE.get(backendType);
    }

    /** The backend types that have a container. */
    static Set<String> types() {
        return BY_TYPE.keySet();
    }

    private static ContainerDefinition postgres(String image) {
        return new ContainerDefinition(image, List.of(5432), Map.of("POSTGRES_HOST_AUTH_METHOD", "trust"), List.of(),
                Map.of(),
                // The entrypoint starts the server twice (init scripts, then for real).
                () -> Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2),
                (host, port) -> ordered("url", "jdbc:postgresql://" + host + ":" + port + "/postgres",
                        "username", "postgres"));
    }

    private static ContainerDefinition mysql() {
        return new ContainerDefinition("mysql:8.4", List.of(3306),
                Map.of("MYSQL_DATABASE", MYSQL_DATABASE, "MYSQL_ALLOW_EMPTY_PASSWORD", "yes"), List.of(), Map.of(),
                // The init phase runs a server on port 0 first; the real one listens on 3306.
                () -> Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1),
                (host, port) -> ordered("url", "jdbc:mysql://" + host + ":" + port + "/" + MYSQL_DATABASE,
                        "username", "root"));
    }

    private static ContainerDefinition openSearch() {
        return new ContainerDefinition("opensearchproject/opensearch:2.19.1", List.of(9200),
                Map.of("discovery.type", "single-node",
                        "DISABLE_SECURITY_PLUGIN", "true",
                        "DISABLE_INSTALL_DEMO_CONFIG", "true",
                        "OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m",
                        "cluster.routing.allocation.disk.threshold_enabled", "false"),
                List.of(), Map.of(),
                () -> Wait.forHttp("/").forPort(9200).forStatusCode(200),
                (host, port) -> ordered("hosts", host + ":" + port, "protocol", "http"));
    }

    private static ContainerDefinition milvus() {
        return new ContainerDefinition("milvusdb/milvus:v2.6.11", List.of(19530, 9091),
                Map.of("DEPLOY_MODE", "STANDALONE",
                        "ETCD_USE_EMBED", "true",
                        "ETCD_DATA_DIR", "/var/lib/milvus/etcd",
                        "ETCD_CONFIG_PATH", MILVUS_ETCD_CONFIG,
                        "COMMON_STORAGETYPE", "local"),
                List.of("milvus", "run", "standalone"),
                Map.of(MILVUS_ETCD_CONFIG,
                        "listen-client-urls: http://0.0.0.0:2379\nadvertise-client-urls: http://0.0.0.0:2379\n"),
                () -> Wait.forHttp("/healthz").forPort(9091).forStatusCode(200),
                (host, port) -> ordered("uri", "http://" + host + ":" + port));
    }

    private static ContainerDefinition chroma() {
        return new ContainerDefinition("chromadb/chroma:1.0.0", List.of(8000), Map.of(), List.of(), Map.of(),
                () -> Wait.forHttp("/api/v2/heartbeat").forPort(8000).forStatusCode(200),
                (host, port) -> ordered("url", "http://" + host + ":" + port));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
