package io.heavenbase.backend.lance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lance provider: discovery, driver detection, configuration checks and the capability table. */
class LanceProviderTest {

    private final LanceProvider provider = new LanceProvider();
    private Path directory;

    @BeforeEach
    void createDirectory() {
        directory = LanceFixtures.temporaryDirectory();
    }

    @AfterEach
    void removeDirectory() {
        LanceFixtures.removeTree(directory);
    }

    @Test
    void givenTheServiceFile_whenProvidersAreLoaded_thenLanceIsAmongThem() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(LanceProvider.class);
    }

    @Test
    void givenLanceCoreOnTheClasspath_whenAsked_thenAvailableAndTheCoordinatesAreKnown() {
        assertThat(provider.available()).isTrue();
        assertThat(provider.missingDriver()).isEqualTo("com.lancedb:lance-core:0.39.0");
        assertThat(provider.backendClass()).isEqualTo(LanceBackend.class);
    }

    @Test
    void givenAMissingDirectory_whenOpened_thenItIsCreated() {
        Path nested = directory.resolve("a/b");

        provider.open(new BackendConfig("vec", LanceFixtures.config(nested))).close();

        assertThat(nested).isDirectory();
    }

    @Test
    void givenNoPath_whenOpened_thenTheErrorNamesThePathProperty() {
        assertThatThrownBy(() -> provider.open(new BackendConfig("vec", Map.of("type", "lance"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.path");
    }

    @Test
    void givenAPathThatIsAFile_whenOpened_thenTheErrorNamesThePathProperty() throws Exception {
        Path file = Files.createFile(directory.resolve("file"));

        assertThatThrownBy(() -> provider.open(new BackendConfig("vec", LanceFixtures.config(file))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.path");
    }

    @Test
    void givenAnUnknownKeyOrANegativeLimit_whenOpened_thenTheErrorNamesTheProperty() {
        assertThatThrownBy(() -> provider.open(new BackendConfig("vec", LanceFixtures.config(directory, "url", "x"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.url");
        assertThatThrownBy(() -> provider.open(new BackendConfig("vec",
                LanceFixtures.config(directory, "exact-near-limit", -1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.vec.exact-near-limit");
        assertThatThrownBy(() -> provider.open(new BackendConfig("vec", LanceFixtures.config(directory, "nprobes", 0))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.vec.nprobes");
    }

    @Test
    void givenTheCapabilityTable_whenAsked_thenFiltersAreNativeAndTextSearchIsNot() {
        CapabilityTable table = provider.capabilities();

        assertThat(table.isNative(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.LT)).isTrue();
        assertThat(table.isNative(DType.TIMESTAMP, Strategy.INLINE_COLUMN, Ops.ORDER)).isTrue();
        assertThat(table.isNative(DType.ARRAY, Strategy.INLINE_COLUMN, Ops.ARRAY_CONTAINS)).isTrue();
        assertThat(table.isNative(DType.vector(3), Strategy.VECTOR_INDEX, Ops.NEAR)).isTrue();
        assertThat(table.mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH)).contains(ExecutionMode.FALLBACK);
        assertThat(table.mode(DType.ARRAY, Strategy.INLINE_COLUMN, Ops.CONTAINED_IN)).contains(ExecutionMode.FALLBACK);
        assertThat(table.canStore(DType.ARRAY, Strategy.SIDE_TABLE)).isFalse();
        assertThat(table.canStore(DType.ARTIFACT, Strategy.INLINE_COLUMN)).isTrue();
    }
}
