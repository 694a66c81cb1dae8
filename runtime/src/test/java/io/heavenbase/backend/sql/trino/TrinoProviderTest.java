package io.heavenbase.backend.sql.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrinoProviderTest {

    @Test
    void givenUrlWithoutExplicitPrepare_whenConnecting_thenStatementsRunAsExecuteImmediate() {
        Properties properties = new Properties();

        new TrinoProvider().driverProperties("jdbc:trino://127.0.0.1:8080/iceberg/s", properties);

        assertThat(properties.getProperty("explicitPrepare")).isEqualTo("false");
    }

    @Test
    void givenUrlThatSetsExplicitPrepare_whenConnecting_thenTheUrlKeepsItsOwnValue() {
        Properties properties = new Properties();

        new TrinoProvider().driverProperties("jdbc:trino://127.0.0.1:8080/iceberg/s?explicitPrepare=true", properties);

        assertThat(properties).doesNotContainKey("explicitPrepare");
    }
}
