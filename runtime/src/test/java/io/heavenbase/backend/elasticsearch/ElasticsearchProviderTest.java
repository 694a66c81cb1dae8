package io.heavenbase.backend.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The provider's registration, configuration checks and capability table. */
class ElasticsearchProviderTest {

    private final ElasticsearchProvider provider = new ElasticsearchProvider();

    private Backend open(Map<String, Object> config) {
        Map<String, Object> values = new HashMap<>(config);
        values.put("type", "elasticsearch");
        return provider.open(new BackendConfig("search", values));
    }

    @Test
    void givenTheServiceLoader_thenTheProviderIsFoundUnderTypeElasticsearch() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(found -> types.add(found.type()));

        assertThat(types).contains("elasticsearch");
    }

    @Test
    void givenTheRestClientOnTheClasspath_thenAvailableAndTheDriverIsNamedForWhenItIsNot() {
        assertThat(provider.available()).isTrue();
        assertThat(provider.missingDriver()).isEqualTo("org.elasticsearch.client:elasticsearch-rest-client");
    }

    @Test
    void givenNoRestClientOnTheClasspath_thenTheProviderStillLoadsAndReportsTheMissingDriver() throws Exception {
        URL classes = ElasticsearchProvider.class.getProtectionDomain().getCodeSource().getLocation();
        try (WithoutRestClient loader = new WithoutRestClient(classes, getClass().getClassLoader())) {
            BackendProvider isolated = (BackendProvider) loader.loadClass(ElasticsearchProvider.class.getName())
                    .getDeclaredConstructor().newInstance();

            assertThat(isolated.getClass().getClassLoader()).isSameAs(loader);
            assertThat(isolated.available()).isFalse();
            assertThat(isolated.missingDriver()).isEqualTo("org.elasticsearch.client:elasticsearch-rest-client");
            assertThat(isolated.capabilities().isNative(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH)).isTrue();
        }
    }

    /** Loads this backend's classes itself and hides the REST client, as an application without it would. */
    private static final class WithoutRestClient extends URLClassLoader {

        WithoutRestClient(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.elasticsearch.")) {
                throw new ClassNotFoundException(name);
            }
            if (name.startsWith(ElasticsearchProvider.class.getPackageName() + ".")) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void givenTheConfigurationKeys_thenHostsProtocolCredentialsAndClient() {
        assertThat(provider.configKeys()).containsExactlyInAnyOrder("hosts", "protocol", "username", "password",
                "client");
    }

    @Test
    void givenAnUnknownKey_whenOpened_thenConfigurationExceptionNamesTheProperty() {
        assertThatThrownBy(() -> open(Map.of("url", "http://localhost:9200")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.url");
    }

    @Test
    void givenAnUpperCasePrefix_whenOpened_thenConfigurationExceptionNamesThePrefix() {
        assertThatThrownBy(() -> open(Map.of("prefix", "Shop_")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.prefix");
    }

    @Test
    void givenAPrefixStartingWithUnderscore_whenOpened_thenConfigurationException() {
        assertThatThrownBy(() -> open(Map.of("prefix", "_shop")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.prefix");
    }

    @Test
    void givenAnUnknownProtocol_whenOpened_thenConfigurationExceptionNamesTheProtocol() {
        assertThatThrownBy(() -> open(Map.of("protocol", "ftp")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.protocol");
    }

    @Test
    void givenAHostEntryThatIsNotHostAndPort_whenOpened_thenConfigurationExceptionNamesTheHosts() {
        assertThatThrownBy(() -> open(Map.of("hosts", "localhost:9200,http://other:9200")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.hosts");
    }

    @Test
    void givenAHostEntryWithCredentials_whenRejected_thenThePasswordIsNotInTheMessage() {
        assertThatThrownBy(() -> open(Map.of("hosts", "admin:s3cret@localhost:9200")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("heavenbase.backends.search.hosts");
    }

    @Test
    void givenAUsernameWithoutPassword_whenOpened_thenConfigurationExceptionNamesThePassword() {
        assertThatThrownBy(() -> open(Map.of("username", "admin")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.password");
    }

    @Test
    void givenAClientThatIsNotARestClient_whenOpened_thenConfigurationExceptionNamesTheClient() {
        assertThatThrownBy(() -> open(Map.of("client", "not a client")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.search.client");
    }

    @Test
    void givenABorrowedClient_whenTheBackendCloses_thenTheClientStaysOpen() throws IOException {
        String[] hostAndPort = SearchTestServer.hosts().split(",")[0].split(":");
        try (RestClient client = RestClient.builder(new HttpHost(hostAndPort[0], Integer.parseInt(hostAndPort[1])))
                .build()) {
            Backend backend = open(Map.of("client", client));
            backend.ping();

            backend.close();

            assertThat(client.isRunning()).isTrue();
        }
    }

    @Test
    void givenAClientHandedOverByAnIntegration_whenTheBackendCloses_thenTheClientStaysOpen() throws IOException {
        String[] hostAndPort = SearchTestServer.hosts().split(",")[0].split(":");
        try (RestClient client = RestClient.builder(new HttpHost(hostAndPort[0], Integer.parseInt(hostAndPort[1])))
                .build()) {
            Backend backend = open(Map.of(BackendConfig.CLIENT_OBJECT, client, "hosts", "unreachable.invalid:1"));
            backend.ping();

            backend.close();

            assertThat(client.isRunning()).isTrue();
        }
    }

    @Test
    void givenNoServerListening_whenPinged_thenBackendExceptionNamesTheBackendAndNotThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Backend backend = open(Map.of("hosts", "127.0.0.1:" + port, "username", "admin", "password", "s3cret"));
        try {
            assertThatThrownBy(backend::ping)
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("backend 'search'")
                    .hasMessageNotContaining("s3cret");
        } finally {
            backend.close();
        }
    }

    @Test
    void givenCredentials_whenOpenedAgainstTheTestServer_thenRequestsStillSucceed() {
        Map<String, Object> config = new HashMap<>(Map.of("hosts", SearchTestServer.hosts(), "username", "admin",
                "password", "s3cret"));
        Backend backend = open(config);
        try {
            backend.ping();
        } finally {
            backend.close();
        }
    }

    @Test
    void givenTheCapabilityTable_thenComparisonsAndOrderAreNativeOnScalarsButNotOnLongText() {
        CapabilityTable table = provider.capabilities();

        for (DType dtype : List.of(DType.IDENTIFIER, DType.SHORT_TEXT, DType.MEDIUM_TEXT, DType.categorical("a"),
                DType.INTEGER, DType.FLOAT, DType.TIMESTAMP, DType.DATE)) {
            for (String op : List.of(Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN, Ops.NIN, Ops.NULL,
                    Ops.ORDER)) {
                assertThat(table.mode(dtype, Strategy.INLINE_COLUMN, op)).as("%s %s", dtype, op)
                        .contains(ExecutionMode.NATIVE);
            }
        }
        assertThat(table.mode(DType.BOOLEAN, Strategy.INLINE_COLUMN, Ops.EQ)).contains(ExecutionMode.NATIVE);
        assertThat(table.mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, Ops.EQ)).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, Ops.ORDER)).contains(ExecutionMode.FALLBACK);
    }

    @Test
    void givenTheCapabilityTable_thenMatchArrayContainsNearAndNullAreNative() {
        CapabilityTable table = provider.capabilities();

        for (DType text : List.of(DType.SHORT_TEXT, DType.MEDIUM_TEXT, DType.LONG_TEXT)) {
            assertThat(table.isNative(text, Strategy.INLINE_COLUMN, Ops.MATCH)).as("%s", text).isTrue();
        }
        assertThat(table.isNative(DType.array(DType.INTEGER), Strategy.INLINE_COLUMN, Ops.ARRAY_CONTAINS)).isTrue();
        assertThat(table.mode(DType.ARRAY, Strategy.INLINE_COLUMN, Ops.CONTAINED_IN)).contains(ExecutionMode.FALLBACK);
        assertThat(table.isNative(DType.vector(3), Strategy.VECTOR_INDEX, Ops.NEAR)).isTrue();
        assertThat(table.defaultStrategy(DType.vector(3))).isEqualTo(Strategy.VECTOR_INDEX);
        for (DType other : List.of(DType.JSON, DType.HYPERG, DType.ARTIFACT, DType.ARRAY, DType.vector(2))) {
            assertThat(table.isNative(other, Strategy.INLINE_COLUMN, Ops.NULL)).as("%s", other).isTrue();
        }
    }

    @Test
    void givenTheCapabilityTable_thenSideTablesAndSparseGramIndexesAreNotStorable() {
        CapabilityTable table = provider.capabilities();

        assertThat(table.canStore(DType.ARRAY, Strategy.SIDE_TABLE)).isFalse();
        assertThat(table.canStore(DType.ARRAY, Strategy.SPARSE_GRAM_INDEX)).isFalse();
        assertThat(table.canStore(DType.HYPERG, Strategy.GRAPH_EDGE)).isFalse();
    }
}
