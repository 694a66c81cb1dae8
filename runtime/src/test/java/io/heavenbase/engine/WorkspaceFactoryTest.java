package io.heavenbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceFactoryTest {

    @Test
    void debugPresetHasMainVecAndSearch() {
        try (Workspace ws = HeavenBase.open("factory", "debug")) {
            assertThat(ws.backends().names()).containsExactly("main", "vec", "search");
            assertThat(ws.backends().get("main").type()).isEqualTo("sqlite");
            assertThat(ws.backends().get("vec").type()).isEqualTo("inmem");
        }
    }

    @Test
    void explicitEntriesOverridePresetEntriesAndKeepOrder() {
        Map<String, Map<String, Object>> explicit = new LinkedHashMap<>();
        explicit.put("vec", Map.of("type", "sqlite", "database", ":memory:"));
        explicit.put("extra", Map.of("type", "inmem"));
        try (Workspace ws = HeavenBase.open("factory", "debug", explicit)) {
            assertThat(ws.backends().names()).containsExactly("main", "vec", "search", "extra");
            assertThat(ws.backends().get("vec").type()).isEqualTo("sqlite");
        }
    }

    @Test
    void unknownTypeNamesTheProperty() {
        assertThatThrownBy(() -> HeavenBase.open("factory", Map.of("main", Map.of("type", "cassandra"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.type")
                .hasMessageContaining("cassandra");
    }

    @Test
    void unknownPresetNamesTheProperty() {
        assertThatThrownBy(() -> HeavenBase.open("factory", "production"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.preset");
    }

    @Test
    void unknownConfigKeyNamesTheProperty() {
        assertThatThrownBy(() -> HeavenBase.open("factory", Map.of("main", Map.of("type", "inmem", "colour", "red"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.colour");
    }

    @Test
    void invalidBackendNameIsRejected() {
        assertThatThrownBy(() -> HeavenBase.open("factory", Map.of("ma in", Map.of("type", "inmem"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ma in");
    }

    @Test
    void emptyBackendMapIsRejected() {
        assertThatThrownBy(() -> HeavenBase.open("factory", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends");
    }
}
