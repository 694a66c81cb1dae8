package io.heavenbase.testprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.HeavenBase;
import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.engine.WorkspaceFactory;
import io.heavenbase.spi.Backend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider found on the class path by its services line, in plain Java. */
class MapStorePlainJavaTest {

    @Test
    void theTypeIsKnownOnceItsJarIsOnTheClassPath() {
        assertThat(ProviderRegistry.knownTypes()).contains("mapstore", "remote-mapstore", "sqlite");
    }

    @Test
    void itsKeyReachesTheBackend() {
        Backend backend = WorkspaceFactory.openBackend("main", Map.of("type", "mapstore", "capacity", "7"));
        try {
            assertThat(backend).isInstanceOf(MapStoreBackend.class);
            assertThat(((MapStoreBackend) backend).capacity()).isEqualTo(7);
        } finally {
            backend.close();
        }
    }

    @Test
    void aKeyItDoesNotDeclareFailsNamingTheProperty() {
        assertThatThrownBy(() -> HeavenBase.open("mapstore-keys", Map.of("main", Map.of("type", "mapstore",
                "colour", "blue"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.colour");
    }

    @Test
    void aMissingClientFailsNamingTheArtifact() {
        assertThatThrownBy(() -> ProviderRegistry.require("remote", "remote-mapstore"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.remote.type")
                .hasMessageContaining("org.example:mapstore-client");
    }
}
