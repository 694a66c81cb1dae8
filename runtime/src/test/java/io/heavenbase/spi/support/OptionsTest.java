package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.Metric;
import io.heavenbase.spi.BackendConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void givenNoMetric_whenRead_thenCosine_andASetOneIsParsed() {
        assertThat(Options.metric(new BackendConfig("main", Map.of()), "metric")).isEqualTo(Metric.COSINE);
        assertThat(Options.metric(new BackendConfig("main", Map.of("metric", "l2")), "metric")).isEqualTo(Metric.L2);
    }

    @Test
    void givenAnUnknownMetric_whenRead_thenTheMessageNamesThePropertyAndTheValue() {
        assertThatThrownBy(() -> Options.metric(new BackendConfig("main", Map.of("metric", "hamming")), "metric"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("heavenbase.backends.main.metric must be cosine, dot or l2, got 'hamming'");
    }

    @Test
    void givenIntegers_whenReadWithAMinimum_thenTheDefaultOrTheValue_andLessIsRefused() {
        assertThat(Options.atLeast(new BackendConfig("main", Map.of()), "nprobes", 20, 1)).isEqualTo(20);
        assertThat(Options.atLeast(new BackendConfig("main", Map.of("nprobes", "1")), "nprobes", 20, 1)).isEqualTo(1);
        assertThatThrownBy(() -> Options.atLeast(new BackendConfig("main", Map.of("nprobes", "0")), "nprobes", 20, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("heavenbase.backends.main.nprobes must be at least 1, got 0");
    }
}
