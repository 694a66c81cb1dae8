package io.heavenbase.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.devservices.ContainerDefinition.DevServiceContainer;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.quarkus.runtime.LaunchMode;

/**
 * The container definitions of HeavenBase Dev Services, checked without a container runtime: images, ports,
 * environment, and the backend configuration a container at a given host and port hands over. Nothing here starts
 * or pulls a container (this machine has no Docker engine).
 */
class DevServicesContainerDefinitionsTest {

    @Test
    void defaultImagesPerType() {
        assertThat(ContainerImages.resolve(Map.of())).containsExactly(
                entry("chroma", "chromadb/chroma:1.0.0"),
                entry("elasticsearch", "opensearchproject/opensearch:2.19.1"),
                entry("milvus", "milvusdb/milvus:v2.6.11"),
                entry("mysql", "mysql:8.4"),
                entry("oceanbase", "mysql:8.4"),
                entry("pgvector", "pgvector/pgvector:pg17"),
                entry("postgres", "postgres:17"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "mssql", "oracle", "trino", "starrocks", "pinecone", "sqlite" })
    void typesWithoutContainer(String type) {
        assertThat(ContainerDefinitions.of(type)).isNull();
    }

    @Test
    void postgresContainerAndItsConnection() {
        ContainerDefinition postgres = ContainerDefinitions.of("postgres");
        DevServiceContainer container = postgres.create("postgres:17");

        assertThat(container.image()).isEqualTo("postgres:17");
        assertThat(container.getExposedPorts()).containsExactly(5432);
        assertThat(container.getEnvMap()).containsOnly(entry("POSTGRES_HOST_AUTH_METHOD", "trust"));
        assertThat(container.getCommandParts()).isEmpty();
        // The same keys and user as the embedded PostgreSQL hands over.
        assertThat(postgres.connection("db.example", 32768)).containsExactly(
                entry("url", "jdbc:postgresql://db.example:32768/postgres"), entry("username", "postgres"));
        assertThat(postgres.providedKeys()).isEqualTo(ServerTypes.of("postgres").providedKeys());
    }

    @Test
    void pgvectorIsPostgresWithTheVectorImage() {
        ContainerDefinition pgvector = ContainerDefinitions.of("pgvector");

        assertThat(pgvector.defaultImage()).isEqualTo("pgvector/pgvector:pg17");
        assertThat(pgvector.connection("h", 5)).isEqualTo(ContainerDefinitions.of("postgres").connection("h", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = { "mysql", "oceanbase" })
    void mysqlContainerAndItsConnection(String type) {
        ContainerDefinition mysql = ContainerDefinitions.of(type);
        DevServiceContainer container = mysql.create(mysql.defaultImage());

        assertThat(container.getExposedPorts()).containsExactly(3306);
        assertThat(container.getEnvMap()).containsOnly(entry("MYSQL_DATABASE", "heavenbase"),
                entry("MYSQL_ALLOW_EMPTY_PASSWORD", "yes"));
        // The same keys and user as the embedded MariaDB hands over.
        assertThat(mysql.connection("127.0.0.1", 40001)).containsExactly(
                entry("url", "jdbc:mysql://127.0.0.1:40001/heavenbase"), entry("username", "root"));
        assertThat(mysql.providedKeys()).isEqualTo(ServerTypes.of(type).providedKeys());
    }

    @Test
    void elasticsearchRunsASingleOpenSearchNodeWithoutSecurity() {
        ContainerDefinition search = ContainerDefinitions.of("elasticsearch");
        DevServiceContainer container = search.create(search.defaultImage());

        assertThat(container.getExposedPorts()).containsExactly(9200);
        assertThat(search.providedKeys()).isEqualTo(ServerTypes.of("elasticsearch").providedKeys());
        assertThat(container.getEnvMap()).contains(entry("discovery.type", "single-node"),
                entry("DISABLE_SECURITY_PLUGIN", "true"));
        assertThat(search.connection("localhost", 9300)).containsExactly(entry("hosts", "localhost:9300"),
                entry("protocol", "http"));
    }

    @Test
    void milvusRunsStandaloneWithEmbeddedEtcd() {
        ContainerDefinition milvus = ContainerDefinitions.of("milvus");
        DevServiceContainer container = milvus.create(milvus.defaultImage());

        assertThat(container.getExposedPorts()).containsExactly(19530, 9091);
        assertThat(milvus.connectionPort()).isEqualTo(19530);
        assertThat(container.getCommandParts()).containsExactly("milvus", "run", "standalone");
        assertThat(container.getEnvMap()).contains(entry("ETCD_USE_EMBED", "true"),
                entry("ETCD_CONFIG_PATH", "/milvus/configs/embedEtcd.yaml"), entry("COMMON_STORAGETYPE", "local"));
        assertThat(milvus.files()).containsOnlyKeys("/milvus/configs/embedEtcd.yaml");
        assertThat(milvus.connection("localhost", 41000)).containsExactly(entry("uri", "http://localhost:41000"));
    }

    @Test
    void chromaContainerAndItsConnection() {
        ContainerDefinition chroma = ContainerDefinitions.of("chroma");
        DevServiceContainer container = chroma.create(chroma.defaultImage());

        assertThat(container.getExposedPorts()).containsExactly(8000);
        assertThat(chroma.connection("localhost", 41001)).containsExactly(entry("url", "http://localhost:41001"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgres", "pgvector", "mysql", "oceanbase", "elasticsearch", "milvus", "chroma" })
    void everyContainerProvidesTheKeyThatMarksAConnection(String type) {
        assertThat(ContainerDefinitions.of(type).providedKeys()).contains(ServerTypes.of(type).connectionKey());
    }

    @Test
    void backendConfigUsesTheBackendsPropertyNames() {
        BackendDefinition backend = new BackendDefinition("vec", "milvus", null, false);

        assertThat(ContainerServices.backendConfig(backend, ContainerDefinitions.of("milvus"), "localhost", 41000))
                .containsExactly(entry("heavenbase.backends.vec.uri", "http://localhost:41000"));
    }

    @Test
    void configuredImageReplacesTheDefaultOfItsTypeOnly() {
        Map<String, String> images = ContainerImages.resolve(Map.of("postgres", " postgres:16-alpine "));

        assertThat(images).containsEntry("postgres", "postgres:16-alpine")
                .containsEntry("pgvector", "pgvector/pgvector:pg17");
        assertThat(ContainerDefinitions.of("postgres").create(images.get("postgres")).image())
                .isEqualTo("postgres:16-alpine");
    }

    @Test
    void imageForATypeWithoutContainerIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> ContainerImages.resolve(Map.of("mssql", "mcr.microsoft.com/mssql/server:2022-latest")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.devservices.images.\"mssql\"")
                .hasMessageContaining("[chroma, elasticsearch, milvus, mysql, oceanbase, pgvector, postgres]");
    }

    @Test
    void malformedImageIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> ContainerImages.resolve(Map.of("chroma", "Chroma DB:latest")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.devservices.images.\"chroma\"")
                .hasMessageContaining("'Chroma DB:latest'");
    }

    @Test
    void devModeContainersCarryTheSharedServiceLabel() {
        BackendDefinition backend = new BackendDefinition("main", "postgres", null, false);
        ContainerDefinition postgres = ContainerDefinitions.of("postgres");

        DevServiceContainer dev = ContainerServices.labelled(postgres.create("postgres:17"), backend,
                LaunchMode.DEVELOPMENT, true);
        DevServiceContainer test = ContainerServices.labelled(postgres.create("postgres:17"), backend, LaunchMode.TEST,
                true);
        DevServiceContainer unshared = ContainerServices.labelled(postgres.create("postgres:17"), backend,
                LaunchMode.DEVELOPMENT, false);

        assertThat(dev.getLabels()).containsEntry("io.quarkus.devservice", "heavenbase-main-postgres")
                .containsEntry("io.quarkus.devservice.launch-mode", "DEVELOPMENT");
        assertThat(test.getLabels()).doesNotContainKey("io.quarkus.devservice")
                .containsKey("io.quarkus.devservice.process-uuid");
        assertThat(unshared.getLabels()).doesNotContainKey("io.quarkus.devservice");
        assertThat(List.of(dev, test, unshared)).allSatisfy(container -> assertThat(container.getLabels())
                .containsKey("io.quarkus.devservice.process-uuid"));
    }
}
