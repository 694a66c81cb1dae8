package io.heavenbase.backend.dialects;

import io.heavenbase.spi.support.DriverProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.mssql.MssqlProvider;
import io.heavenbase.backend.sql.mysql.StarRocksProvider;
import io.heavenbase.backend.sql.oracle.OracleProvider;
import io.heavenbase.backend.sql.trino.TrinoDialect;
import io.heavenbase.backend.sql.trino.TrinoProvider;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The providers of mssql, oracle, trino and starrocks: configuration, drivers and secrets. */
class ServerProvidersTest {

    static Stream<JdbcServerProvider> providers() {
        return Stream.of(new MssqlProvider(), new OracleProvider(), new TrinoProvider(), new StarRocksProvider());
    }

    private static BackendConfig config(String type, Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("type", type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new BackendConfig("main", values);
    }

    private static DataSource unusedDataSource() {
        return (DataSource) Proxy.newProxyInstance(ServerProvidersTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (self, method, args) -> {
                    throw new AssertionError("opening the backend must not borrow a connection");
                });
    }

    @Test
    void givenTheServiceFile_whenProvidersAreLoaded_thenAllFourKeysAreThere() {
        List<String> types = ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().type()).toList();

        assertThat(types).contains("mssql", "oracle", "trino", "starrocks");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenAProvider_whenAskedForItsKeys_thenItTakesTheSqlServerKeys(JdbcServerProvider provider) {
        assertThat(provider.configKeys()).containsExactlyInAnyOrder("url", "username", "password", "schema",
                "datasource");
        assertThat(provider.backendClass()).isEqualTo(SqlBackend.class);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenTheDriverOnTheTestClasspath_whenAsked_thenTheProviderIsAvailable(JdbcServerProvider provider) {
        assertThat(provider.available()).isTrue();
    }

    @Test
    void givenEachProvider_whenAskedForItsDriver_thenItNamesTheMavenCoordinates() {
        assertThat(new MssqlProvider().missingDriver()).isEqualTo("com.microsoft.sqlserver:mssql-jdbc");
        assertThat(new OracleProvider().missingDriver()).isEqualTo("com.oracle.database.jdbc:ojdbc11");
        assertThat(new TrinoProvider().missingDriver()).isEqualTo("io.trino:trino-jdbc");
        assertThat(new StarRocksProvider().missingDriver()).isEqualTo("com.mysql:mysql-connector-j");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenADataSource_whenOpened_thenTheBackendSpeaksTheProvidersDialectWithoutConnecting(
            JdbcServerProvider provider) {
        try (Backend backend = provider.open(config(provider.type(), BackendConfig.DATA_SOURCE_OBJECT,
                unusedDataSource(), "datasource", "<default>", "schema", "app"))) {
            assertThat(backend).isInstanceOf(SqlBackend.class);
            assertThat(((SqlBackend) backend).dialect().type()).isEqualTo(provider.type());
            assertThat(backend.capabilities()).isSameAs(provider.capabilities());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenSomethingElseAsDataSource_whenOpened_thenTheDatasourcePropertyIsNamed(JdbcServerProvider provider) {
        assertThatThrownBy(() -> provider.open(config(provider.type(), BackendConfig.DATA_SOURCE_OBJECT, "nope")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.datasource");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenNoUrl_whenOpened_thenTheUrlPropertyIsNamed(JdbcServerProvider provider) {
        assertThatThrownBy(() -> provider.open(config(provider.type())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenAnotherDatabasesUrl_whenOpened_thenTheExpectedPrefixIsNamed(JdbcServerProvider provider) {
        assertThatThrownBy(() -> provider.open(config(provider.type(), "url", "jdbc:postgresql://h/db")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url")
                .hasMessageContaining("'jdbc:");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenASchemaThatIsNotAName_whenOpened_thenItIsRejectedBeforeAnyConnection(JdbcServerProvider provider) {
        assertThatThrownBy(() -> provider.open(config(provider.type(), "schema", "app\"; DROP TABLE x; --",
                BackendConfig.DATA_SOURCE_OBJECT, unusedDataSource())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.schema");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void givenAnUnknownKey_whenOpened_thenItIsRejected(JdbcServerProvider provider) {
        assertThatThrownBy(() -> provider.open(config(provider.type(), "database", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.database");
    }

    @Test
    void givenAMissingDriver_whenOpenedWithAUrl_thenTheMessageNamesTheCoordinates() {
        JdbcServerProvider provider = new DriverlessProvider();

        assertThat(provider.available()).isFalse();
        assertThatThrownBy(() -> provider.open(config("driverless", "url", "jdbc:none://h")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("org.example:none-jdbc");
    }

    @Test
    void givenADriverMessageQuotingTheUrl_whenOpenFails_thenEveryPasswordIsMaskedInMessageAndCause() {
        JdbcServerProvider provider = new EchoingProvider();

        assertThatThrownBy(() -> provider.open(config("echoing", "url", "jdbc:none:thin:scott/urlSecret4@//h:1/x;"
                + "password=urlSecret5")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot open").hasMessageContaining("jdbc:none:thin:scott/****@//h:1/x")
                .hasMessageNotContaining("urlSecret4").hasMessageNotContaining("urlSecret5")
                .satisfies(e -> assertThat(e.getCause().getMessage()).contains("****")
                        .doesNotContain("urlSecret4", "urlSecret5"));
    }

    @Test
    void givenAnUnreachableSqlServer_whenOpened_thenNeitherTheConfiguredNorTheUrlPasswordLeaks() {
        BackendConfig config = config("mssql", "url", "jdbc:sqlserver://127.0.0.1:1;databaseName=x;"
                + "password=urlSecret1;loginTimeout=1;encrypt=false", "username", "sa", "password", "cfgSecret1");

        assertThatThrownBy(() -> new MssqlProvider().open(config)).isInstanceOf(BackendException.class)
                .hasMessageContaining("heavenbase.backends.main.url").hasMessageNotContaining("urlSecret1")
                .hasMessageNotContaining("cfgSecret1")
                .satisfies(e -> assertThat(String.valueOf(e.getCause().getMessage()))
                        .doesNotContain("urlSecret1", "cfgSecret1"));
    }

    @Test
    void givenAnUnreachableStarRocks_whenOpened_thenNeitherTheConfiguredNorTheUrlPasswordLeaks() {
        BackendConfig config = config("starrocks", "url", "jdbc:mysql://127.0.0.1:1/x?user=root&password=urlSecret2"
                + "&connectTimeout=1000", "password", "cfgSecret2");

        assertThatThrownBy(() -> new StarRocksProvider().open(config)).isInstanceOf(BackendException.class)
                .hasMessageContaining("heavenbase.backends.main.url").hasMessageNotContaining("urlSecret2")
                .hasMessageNotContaining("cfgSecret2");
    }

    @Test
    void givenAnUnreachableOracle_whenOpened_thenThePasswordInTheUrlDoesNotLeak() {
        BackendConfig config = config("oracle", "url", "jdbc:oracle:thin:scott/urlSecret3@//127.0.0.1:1/XE");

        assertThatThrownBy(() -> new OracleProvider().open(config)).isInstanceOf(BackendException.class)
                .hasMessageContaining("heavenbase.backends.main.url").hasMessageNotContaining("urlSecret3");
    }

    /** A driver that refuses every URL with a message quoting it, as drivers do. */
    public static final class EchoingDriver implements java.sql.Driver {

        @Override
        public java.sql.Connection connect(String url, java.util.Properties info) throws java.sql.SQLException {
            throw new java.sql.SQLException("cannot open " + url, "28000");
        }

        @Override
        public boolean acceptsURL(String url) {
            return true;
        }

        @Override
        public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
            return new java.sql.DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }
    }

    /** A provider whose driver refuses every URL with a message quoting it. */
    private static final class EchoingProvider extends JdbcServerProvider {

        EchoingProvider() {
            super("echoing", TrinoDialect.CAPABILITIES, new DriverProbe("the echoing driver", "",
                    List.of(EchoingDriver.class.getName())), "jdbc:none:", TrinoDialect::new);
        }
    }

    /** A provider whose driver class does not exist. */
    private static final class DriverlessProvider extends JdbcServerProvider {

        DriverlessProvider() {
            super("driverless", TrinoDialect.CAPABILITIES, new DriverProbe("no driver", "org.example:none-jdbc",
                    List.of("org.example.NoSuchDriver")), "jdbc:none:", TrinoDialect::new);
        }
    }
}
