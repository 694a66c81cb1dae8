package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderBaseTest {

    private static final CapabilityTable TABLE = CapabilityTable.builder().build();

    /** Opens nothing; only the driver check runs. */
    private static final class Probed extends ProviderBase {
        Probed(DriverProbe driver) {
            super("probed", TABLE, Set.of("url"), driver);
        }

        @Override
        public Backend open(BackendConfig config) {
            requireDriver(config);
            throw new UnsupportedOperationException("not reached in these tests");
        }
    }

    @Test
    void givenNoDriver_whenAsked_thenTheFactsFromTheConstructorAndAvailable() {
        Probed provider = new Probed(null);

        assertThat(provider.type()).isEqualTo("probed");
        assertThat(provider.capabilities()).isSameAs(TABLE);
        assertThat(provider.configKeys()).containsExactly("url");
        assertThat(provider.available()).isTrue();
        assertThat(provider.driverMarker()).isNull();
        assertThat(provider.missingDriver()).isEmpty();
    }

    @Test
    void givenADriverWhoseClassesLoad_whenAsked_thenAvailableWithTheFirstClassAsMarker() {
        Probed provider = new Probed(new DriverProbe("the JDK", "java:base", List.of("java.util.List",
                "java.net.http.HttpClient")));

        assertThat(provider.available()).isTrue();
        assertThat(provider.driverMarker()).isEqualTo("java.util.List");
        assertThat(provider.missingDriver()).isEqualTo("java:base");
    }

    @Test
    void givenADriverWithAMissingClass_whenOpened_thenUnavailableAndTheMessageNamesWhatToAdd() {
        Probed provider = new Probed(new DriverProbe("the Example client", "com.example:client:1.0",
                List.of("java.util.List", "com.example.missing.Client")));

        assertThat(provider.available()).isFalse();
        assertThatThrownBy(() -> provider.open(new BackendConfig("main", Map.of("type", "probed"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("backend 'main' has type probed but the Example client is not on the classpath; "
                        + "add com.example:client:1.0");
    }

    @Test
    void givenNoClasses_whenAProbeIsMade_thenRefused() {
        assertThatThrownBy(() -> new DriverProbe("nothing", "none", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
