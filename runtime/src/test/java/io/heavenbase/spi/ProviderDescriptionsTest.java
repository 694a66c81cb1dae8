package io.heavenbase.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.heavenbase.engine.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descriptions providers give of their types, and their consistency across the built-in providers. */
class ProviderDescriptionsTest {

    @Test
    void containerConnectionTemplatesAreFilledInOrder() {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("url", "jdbc:x://{host}:{port}/db");
        templates.put("username", "root");
        DevServiceDescription.Container container = new DevServiceDescription.Container("x:1", List.of(1234),
                Map.of(), List.of(), Map.of(), DevServiceDescription.Readiness.http("/", 1234, 200), templates);

        assertThat(container.connection("db.example", 40000)).containsExactly(
                entry("url", "jdbc:x://db.example:40000/db"), entry("username", "root"));
    }

    @Test
    void connectionFactsSayWhatATypeTakes() {
        assertThat(ConnectionFacts.none().needsServer()).isFalse();
        assertThat(ConnectionFacts.sqlServer().connectionKey()).isEqualTo("url");
        assertThat(ConnectionFacts.sqlServer().takesDataSource()).isTrue();
        assertThat(ConnectionFacts.server("uri").takesDataSource()).isFalse();
    }

    @Test
    void aConfigKeyOfAnUnsupportedTypeIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> new ConfigKey("size", Long.class, null, false, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'size'")
                .hasMessageContaining("java.lang.Long");
    }

    @Test
    void onlyServerTypesDescribeDevServicesAndTheirContainersFillTheConnectionKey() {
        for (BackendProvider provider : ProviderRegistry.providers().values()) {
            DevServiceDescription devServices = provider.devServices();
            String key = provider.connection().connectionKey();
            if (devServices.container() != null) {
                assertThat(key).as("%s has a container, so it needs a connection key", provider.type()).isNotNull();
                assertThat(devServices.container().connection("h", 1)).as(provider.type()).containsKey(key);
            }
            if (devServices.embedded() != null) {
                assertThat(key).as("%s has an embedded server, so it needs a connection key", provider.type())
                        .isNotNull();
                assertThat(devServices.embedded().providedKeys()).as(provider.type()).contains(key);
            }
        }
    }

    @Test
    void theSqlServerTypesTakeADataSourceAndTheOthersDoNot() {
        Map<String, BackendProvider> providers = ProviderRegistry.providers();
        for (String type : List.of("postgres", "pgvector", "mysql", "oceanbase", "mssql", "oracle", "trino",
                "starrocks")) {
            assertThat(providers.get(type).connection().takesDataSource()).as(type).isTrue();
        }
        for (String type : List.of("inmem", "sqlite", "duckdb", "lance", "chroma", "milvus", "pinecone",
                "elasticsearch", "json")) {
            assertThat(providers.get(type).connection().takesDataSource()).as(type).isFalse();
        }
        assertThat(providers.get("elasticsearch").connection().clientBean().className())
                .isEqualTo("org.elasticsearch.client.RestClient");
    }

    @Test
    void everyBuiltInProviderDescribesExactlyTheKeysItTakesAndMarksCredentialsSecret() {
        for (BackendProvider provider : ProviderRegistry.providers().values()) {
            if (!provider.getClass().getName().startsWith("io.heavenbase.backend.")) {
                continue;
            }
            List<ConfigKey> keys = provider.keyDescriptions();
            assertThat(keys.stream().map(ConfigKey::name).toList()).as(provider.type())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(provider.configKeys());
            for (ConfigKey key : keys) {
                assertThat(key.doc()).as("%s %s", provider.type(), key.name()).isNotBlank();
                assertThat(key.secret()).as("%s %s", provider.type(), key.name())
                        .isEqualTo(List.of("password", "token", "api-key").contains(key.name()));
            }
        }
    }
}
