package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.Metric;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MilvusProviderTest {

    private final MilvusProvider provider = new MilvusProvider();

    private static BackendConfig config(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("type", "milvus");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new BackendConfig("vec", values);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void givenTheServiceLoader_whenProvidersAreListed_thenMilvusIsAmongThem() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().type())).contains("milvus");
    }

    @Test
    void givenTheSdkOnTheClasspath_whenAsked_thenAvailableAndTheDriverCoordinatesAreKnown() {
        assertThat(provider.available()).isTrue();
        assertThat(provider.missingDriver()).contains("io.milvus:milvus-sdk-java:2.6.7").contains("slf4j-api");
    }

    @Test
    void givenTheCapabilityTable_whenRead_thenOnlyExactlyMatchingOpsAreNative() {
        assertThat(provider.capabilities().mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.LT))
                .contains(ExecutionMode.NATIVE);
        assertThat(provider.capabilities().mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH))
                .contains(ExecutionMode.FALLBACK);
        assertThat(provider.capabilities().mode(DType.INTEGER, Strategy.INLINE_COLUMN, Ops.ORDER))
                .contains(ExecutionMode.FALLBACK);
        assertThat(provider.capabilities().mode(DType.ARRAY, Strategy.INLINE_COLUMN, Ops.CONTAINED_IN))
                .contains(ExecutionMode.FALLBACK);
        assertThat(provider.capabilities().mode(DType.vector(3), Strategy.VECTOR_INDEX, Ops.NEAR))
                .contains(ExecutionMode.NATIVE);
        assertThat(provider.capabilities().canStore(DType.ARTIFACT, Strategy.INLINE_COLUMN)).isFalse();
        assertThat(provider.capabilities().canStore(DType.ARRAY, Strategy.SIDE_TABLE)).isFalse();
    }

    @Test
    void givenNoKeys_whenSettingsAreRead_thenDefaults() {
        MilvusSettings settings = MilvusSettings.from(config());

        assertThat(settings.uri()).isEqualTo("http://127.0.0.1:19530");
        assertThat(settings.metric()).isEqualTo(Metric.COSINE);
        assertThat(settings.indexType()).isEqualTo("HNSW");
        assertThat(settings.prefix()).isEmpty();
    }

    @Test
    void givenABadMetric_whenOpened_thenTheErrorNamesTheProperty() {
        assertThatThrownBy(() -> provider.open(config("metric", "hamming")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.metric");
    }

    @Test
    void givenABadIndexType_whenOpened_thenTheErrorNamesTheProperty() {
        assertThatThrownBy(() -> provider.open(config("index-type", "IVF_PQ")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.index-type");
    }

    @Test
    void givenAUriWithoutScheme_whenOpened_thenTheErrorNamesTheProperty() {
        assertThatThrownBy(() -> provider.open(config("uri", "localhost 19530")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.uri");
    }

    @Test
    void givenAnUnknownKey_whenOpened_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> provider.open(config("url", "http://x:1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.url");
    }

    @Test
    void givenSettingsWithAToken_whenPrinted_thenTheTokenIsMasked() {
        assertThat(MilvusSettings.from(config("token", "root:Milvus")).toString()).doesNotContain("root:Milvus")
                .contains("****");
    }

    @Test
    void givenNoServer_whenOpened_thenTheBackendOpensWithoutConnecting() throws IOException {
        try (Backend backend = provider.open(config("uri", "http://127.0.0.1:" + closedPort()))) {
            assertThat(backend.type()).isEqualTo("milvus");
            assertThat(backend.name()).isEqualTo("vec");
        }
    }

    @Test
    void givenNoServer_whenPinged_thenABackendErrorNamesTheBackendWithoutTheToken() throws IOException {
        try (Backend backend = provider.open(config("uri", "http://127.0.0.1:" + closedPort(), "token", "tok-123"))) {
            assertThatThrownBy(backend::ping).isInstanceOf(BackendException.class).hasMessageContaining("'vec'")
                    .hasMessageContaining("ping").hasMessageNotContaining("tok-123");
        }
    }
}
