package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.backend.inmem.InMemProvider;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Backend options set in the configuration reach the backend's provider under the keys of the plain-Java maps:
 * typed keys ({@code exact-near-limit}, {@code pool-size}, {@code metric}, ...) and the generic
 * {@code options."key"} map for keys without a property of their own.
 */
class BackendOptionsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(OptionsProvider.class)
                    .addAsServiceProvider(BackendProvider.class, OptionsProvider.class))
            .overrideConfigKey("heavenbase.backends.main.type", "with-options")
            .overrideRuntimeConfigKey("heavenbase.backends.main.exact-near-limit", "25")
            .overrideRuntimeConfigKey("heavenbase.backends.main.pool-size", "3")
            .overrideRuntimeConfigKey("heavenbase.backends.main.metric", "dot")
            .overrideRuntimeConfigKey("heavenbase.backends.main.options.\"refresh-interval\"", "5s");

    @Inject
    Workspace workspace;

    @Test
    void typedAndGenericOptionsReachTheProvider() {
        assertThat(workspace.backends().names()).containsExactly("main");

        assertThat(OptionsProvider.OPENED).singleElement().satisfies(values -> {
            assertThat(String.valueOf(values.get("exact-near-limit"))).isEqualTo("25");
            assertThat(String.valueOf(values.get("pool-size"))).isEqualTo("3");
            assertThat(values).containsEntry("metric", "dot").containsEntry("refresh-interval", "5s");
        });
    }

    /** Test backend type {@code with-options}: takes a few option keys, records what it is opened with. */
    public static class OptionsProvider implements BackendProvider {

        static final List<Map<String, Object>> OPENED = new CopyOnWriteArrayList<>();
        private static final InMemProvider ROWS = new InMemProvider();

        @Override
        public String type() {
            return "with-options";
        }

        @Override
        public CapabilityTable capabilities() {
            return ROWS.capabilities();
        }

        @Override
        public Set<String> configKeys() {
            return Set.of("exact-near-limit", "pool-size", "metric", "refresh-interval");
        }

        @Override
        public Backend open(BackendConfig config) {
            config.rejectUnknown(configKeys());
            OPENED.add(config.values());
            return ROWS.open(new BackendConfig(config.backendName(), Map.of("type", "inmem")));
        }
    }
}
