package io.heavenbase.backend.pinecone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.Metric;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PineconeProviderTest {

    private final PineconeProvider provider = new PineconeProvider();

    @Test
    void givenTheServiceLoader_whenProvidersAreListed_thenPineconeIsAmongThem() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().type())).contains("pinecone");
    }

    @Test
    void givenTheCapabilityTable_whenRead_thenNullNeAndNinRunInTheEngine() {
        assertThat(provider.capabilities().mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.EQ))
                .contains(ExecutionMode.NATIVE);
        assertThat(provider.capabilities().mode(DType.INTEGER, Strategy.INLINE_COLUMN, Ops.LT))
                .contains(ExecutionMode.NATIVE);
        assertThat(provider.capabilities().mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.LT))
                .contains(ExecutionMode.FALLBACK);
        for (String op : new String[] {Ops.NE, Ops.NIN, Ops.NULL, Ops.ORDER}) {
            assertThat(provider.capabilities().mode(DType.INTEGER, Strategy.INLINE_COLUMN, op)).as(op)
                    .contains(ExecutionMode.FALLBACK);
        }
        assertThat(provider.capabilities().mode(DType.vector(3), Strategy.VECTOR_INDEX, Ops.NEAR))
                .contains(ExecutionMode.NATIVE);
        assertThat(provider.capabilities().canStore(DType.ARTIFACT, Strategy.INLINE_COLUMN)).isTrue();
    }

    @Test
    void givenAllKeys_whenRead_thenSettingsHoldThem() {
        PineconeSettings settings = PineconeSettings.from(PineconeFixtures.config("api-key", "k", "cloud", "aws",
                "region", "us-east-1", "metric", "l2", "host", "docs-abc.svc.pinecone.io"));

        assertThat(settings.index()).isEqualTo("docs");
        assertThat(settings.host().toString()).isEqualTo("https://docs-abc.svc.pinecone.io");
        assertThat(settings.apiUrl().toString()).isEqualTo("https://api.pinecone.io");
        assertThat(settings.metric()).isEqualTo(Metric.L2);
        assertThat(settings.mayCreateIndex()).isTrue();
        assertThat(settings.prefix()).isEqualTo("hb_");
    }

    @Test
    void givenNoIndex_whenOpened_thenTheErrorNamesTheIndexProperty() {
        assertThatThrownBy(() -> provider.open(new BackendConfig("vec", Map.of("type", "pinecone", "api-key", "k"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.index");
    }

    @Test
    void givenAnIndexNameThatIsNoPineconeName_whenOpened_thenRefusedBeforeItReachesAUrl() {
        assertThatThrownBy(() -> provider.open(PineconeFixtures.config("index", "../admin", "api-key", "k")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.index");
    }

    @Test
    void givenNeitherApiKeyNorHost_whenOpened_thenTheErrorNamesTheApiKeyProperty() {
        assertThatThrownBy(() -> provider.open(PineconeFixtures.config()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.api-key");
    }

    @Test
    void givenCloudWithoutRegion_whenOpened_thenTheErrorNamesTheRegionProperty() {
        assertThatThrownBy(() -> provider.open(PineconeFixtures.config("api-key", "k", "cloud", "aws")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.region");
    }

    @Test
    void givenAnUnknownKey_whenOpened_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> provider.open(PineconeFixtures.config("api-key", "k", "environment", "gcp")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.environment");
    }

    @Test
    void givenSettingsWithAnApiKey_whenPrintedOrRejected_thenTheKeyNeverShows() {
        assertThat(PineconeSettings.from(PineconeFixtures.config("api-key", PineconeFixtures.API_KEY)).toString())
                .doesNotContain(PineconeFixtures.API_KEY).contains("****");
        assertThatThrownBy(() -> provider.open(PineconeFixtures.config("api-key", PineconeFixtures.API_KEY,
                "metric", "hamming"))).hasMessageNotContaining(PineconeFixtures.API_KEY);
    }

    @Test
    void givenAConfiguration_whenOpened_thenNothingIsSentYet() {
        assertThat(provider.open(PineconeFixtures.config("api-key", "k", "api-url", "http://127.0.0.1:9")).type())
                .isEqualTo("pinecone");
    }
}
