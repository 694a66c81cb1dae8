package io.heavenbase.backend.sql.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration of the mysql and oceanbase backends. */
class MysqlProviderTest {

    @Test
    void givenTheDriverOnTheClassPath_whenAsked_thenBothTypesAreAvailableWithTheSameKeysAndCapabilities() {
        MysqlProvider mysql = new MysqlProvider();
        OceanBaseProvider oceanbase = new OceanBaseProvider();

        assertThat(mysql.available()).isTrue();
        assertThat(mysql.type()).isEqualTo("mysql");
        assertThat(oceanbase.type()).isEqualTo("oceanbase");
        assertThat(mysql.configKeys()).containsExactlyInAnyOrder("url", "username", "password", "schema", "datasource");
        assertThat(oceanbase.configKeys()).isEqualTo(mysql.configKeys());
        assertThat(oceanbase.capabilities()).isSameAs(mysql.capabilities()).isSameAs(MysqlDialect.CAPABILITIES);
        assertThat(mysql.missingDriver()).contains("com.mysql:mysql-connector-j");
    }

    @Test
    void givenMariaDb_whenOpened_thenTheNoPadBinaryCollationAndTextJsonAreUsed() {
        try (Backend backend = new MysqlProvider().open(config("mysql", "url", MysqlTestServer.url()))) {
            MysqlDialect dialect = (MysqlDialect) ((SqlBackend) backend).dialect();

            assertThat(dialect.server()).isEqualTo(MysqlServer.MARIADB);
            assertThat(dialect.type()).isEqualTo("mysql");
            backend.ping();
        }
    }

    @Test
    void givenOceanBaseOnMariaDb_whenOpened_thenTheDialectSaysOceanbase() {
        try (Backend backend = new OceanBaseProvider().open(config("oceanbase", "url", MysqlTestServer.url()))) {
            assertThat(backend.type()).isEqualTo("oceanbase");
            assertThat(((SqlBackend) backend).dialect().type()).isEqualTo("oceanbase");
        }
    }

    @Test
    void givenAHandedOverDataSource_whenOpened_thenNoUrlIsNeeded() {
        try (Backend backend = new MysqlProvider().open(config("mysql", "_datasource", MysqlTestServer.dataSource(),
                "datasource", "<default>"))) {
            backend.ping();
            assertThat(backend.name()).isEqualTo("main");
        }
    }

    @Test
    void givenAWrongPassword_whenOpened_thenTheFailureNamesTheBackendButNotThePassword() {
        String url = MysqlTestServer.url().replaceAll("password=[^&]*", "password=Wr0ngSecret42");

        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql", "url", url)))
                .isInstanceOf(BackendException.class).hasMessageContaining("main")
                .hasMessageNotContaining("Wr0ngSecret42");
        String urlWithoutPassword = MysqlTestServer.url().replaceAll("[?&;]password=[^&;]*", "");
        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql", "url", urlWithoutPassword,
                "password", "0therSecret7"))).isInstanceOf(BackendException.class)
                .hasMessageNotContaining("0therSecret7");
    }

    @Test
    void givenNoUrlAndNoDataSource_whenOpened_thenTheUrlPropertyIsNamed() {
        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url");
    }

    @Test
    void givenAUrlOfAnotherDriver_whenOpened_thenItIsRejectedWithTheProperty() {
        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql", "url", "jdbc:postgresql://h/db")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url")
                .hasMessageContaining("jdbc:mysql:");
    }

    @Test
    void givenAnUnknownKeyOrABadSchemaOrPrefix_whenOpened_thenThePropertyIsNamed() {
        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql", "url", "jdbc:mysql://h/db", "index", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.index");
        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql", "url", "jdbc:mysql://h/db",
                "schema", "test`; DROP")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.schema");
        assertThatThrownBy(() -> new MysqlProvider().open(config("mysql", "url", "jdbc:mysql://h/db",
                "prefix", "a-b")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.prefix");
    }

    private static BackendConfig config(String type, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", type);
        values.put("prefix", MysqlTestServer.freshPrefix());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new BackendConfig("main", values);
    }
}
