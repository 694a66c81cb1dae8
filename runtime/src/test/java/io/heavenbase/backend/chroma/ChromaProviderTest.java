package io.heavenbase.backend.chroma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The chroma provider: discovery, configuration checks and the capability table (no server needed). */
class ChromaProviderTest {

    private final ChromaProvider provider = new ChromaProvider();

    @Test
    void givenTheServiceLoader_whenProvidersAreListed_thenChromaIsAmongThem() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(ChromaProvider.class);
    }

    @Test
    void givenOnlyTheType_whenOpened_thenTheDefaultsAreUsedWithoutContactingTheServer() {
        try (Backend backend = provider.open(config())) {
            assertThat(backend).isInstanceOf(ChromaBackend.class);
            assertThat(backend.type()).isEqualTo("chroma");
            assertThat(backend.name()).isEqualTo("vec");
        }
    }

    @Test
    void givenAnUnknownKey_whenOpened_thenRejectedNamingTheProperty() {
        assertThatThrownBy(() -> provider.open(config("index", "hnsw"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.vec.index");
    }

    @Test
    void givenAUrlThatIsNotHttp_whenOpened_thenRejectedNamingTheProperty() {
        for (String url : new String[] {"localhost:8000", "ftp://host", "http://user:pw@host:8000", "http://"}) {
            assertThatThrownBy(() -> provider.open(config("url", url))).as(url)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.url")
                    .hasMessageNotContaining("pw@");
        }
    }

    @Test
    void givenATenantOrDatabaseChromaWouldRefuse_whenOpened_thenRejectedNamingTheProperty() {
        assertThatThrownBy(() -> provider.open(config("tenant", "a/b"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.vec.tenant");
        assertThatThrownBy(() -> provider.open(config("database", "x"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.vec.database");
    }

    @Test
    void givenANegativeExactNearLimit_whenOpened_thenRejectedNamingTheProperty() {
        assertThatThrownBy(() -> provider.open(config("exact-near-limit", "-1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.vec.exact-near-limit");
    }

    @Test
    void givenTheCapabilityTable_whenAsked_thenNearIsNativeOnVectorIndexAndEveryKindIsStorable() {
        CapabilityTable table = provider.capabilities();

        assertThat(table.isNative(DType.parse("Vector[3]"), Strategy.VECTOR_INDEX, "near")).isTrue();
        assertThat(table.defaultStrategy(DType.parse("Vector[3]"))).isEqualTo(Strategy.VECTOR_INDEX);
        for (DType.Kind kind : DType.Kind.values()) {
            DType dtype = sampleOf(kind);
            assertThat(table.canStore(dtype, Strategy.INLINE_COLUMN)).as("%s", kind).isTrue();
        }
        assertThat(table.canStore(DType.ARRAY, Strategy.SIDE_TABLE)).isFalse();
    }

    @Test
    void givenTheCapabilityTable_whenAskedAboutWhatChromaCannotDo_thenFallback() {
        CapabilityTable table = provider.capabilities();

        assertThat(table.mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, "lt")).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, "match")).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.INTEGER, Strategy.INLINE_COLUMN, "null")).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.INTEGER, Strategy.INLINE_COLUMN, "order")).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.ARRAY, Strategy.INLINE_COLUMN, "array_contains")).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.parse("Vector[3]"), Strategy.INLINE_COLUMN, "near"))
                .contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.TIMESTAMP, Strategy.INLINE_COLUMN, "gte")).contains(ExecutionMode.NATIVE);
    }

    private static DType sampleOf(DType.Kind kind) {
        switch (kind) {
            case CATEGORICAL:
                return DType.parse("Categorical[a,b]");
            case VECTOR:
                return DType.parse("Vector[2]");
            default:
                return DType.parse(kind.spelling());
        }
    }

    private static BackendConfig config(String... extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "chroma");
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return new BackendConfig("vec", values);
    }
}
