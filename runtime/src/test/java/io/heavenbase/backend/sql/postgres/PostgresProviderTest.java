package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.vectorIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.EntityLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Configuration, capabilities and connections of the postgres and pgvector providers. */
class PostgresProviderTest {

    private static final EntityLayout NOTES = layout("notes", inline("title", "ShortText"));

    @Test
    void givenServiceLoader_whenProvidersListed_thenPostgresAndPgvectorAreThereWithTheirDriver() {
        Map<String, BackendProvider> byType = new LinkedHashMap<>();
        ServiceLoader.load(BackendProvider.class).forEach(provider -> byType.put(provider.type(), provider));

        assertThat(byType).containsKeys("postgres", "pgvector");
        assertThat(byType.get("postgres").available()).isTrue();
        assertThat(byType.get("postgres").missingDriver()).isEqualTo("org.postgresql:postgresql");
        assertThat(byType.get("pgvector").configKeys()).contains("url", "username", "password", "schema",
                "datasource", "index", "exact-near-limit", "pool-size");
    }

    @Test
    void givenCapabilities_whenAsked_thenFiltersOrderAndIndexedMatchNativeEverywhereAndNearOnlyOnPgvector() {
        BackendProvider postgres = new PostgresProvider();
        BackendProvider pgvector = new PgvectorProvider();
        DType text = DType.SHORT_TEXT;
        DType vector = DType.vector(3);

        for (BackendProvider provider : List.of(postgres, pgvector)) {
            for (String op : List.of(Ops.EQ, Ops.NE, Ops.LT, Ops.IN, Ops.NIN, Ops.NULL, Ops.ORDER)) {
                assertThat(provider.capabilities().isNative(text, Strategy.INLINE_COLUMN, op)).as("%s %s",
                        provider.type(), op).isTrue();
            }
            assertThat(provider.capabilities().isNative(text, Strategy.INLINE_COLUMN, Ops.MATCH, true))
                    .as("%s match with a full-text index", provider.type()).isTrue();
            assertThat(provider.capabilities().isNative(text, Strategy.INLINE_COLUMN, Ops.MATCH, false))
                    .as("%s match without one runs in the engine", provider.type()).isFalse();
            assertThat(provider.capabilities().isNative(DType.LONG_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH))
                    .as("%s match on LongText, indexed by default", provider.type()).isTrue();
            assertThat(provider.capabilities().isNative(DType.parse("Array[Integer]"), Strategy.SIDE_TABLE,
                    Ops.ARRAY_CONTAINS)).isTrue();
        }
        assertThat(postgres.capabilities().isNative(vector, Strategy.INLINE_COLUMN, Ops.NEAR)).isFalse();
        assertThat(postgres.capabilities().canStore(vector, Strategy.VECTOR_INDEX)).isFalse();
        assertThat(pgvector.capabilities().isNative(vector, Strategy.VECTOR_INDEX, Ops.NEAR)).isTrue();
        assertThat(pgvector.capabilities().isNative(vector, Strategy.INLINE_COLUMN, Ops.NEAR)).isTrue();
    }

    @Test
    void givenNoUrl_whenOpen_thenTheUrlPropertyIsNamed() {
        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url");
    }

    @Test
    void givenUrlOfAnotherDatabase_whenOpen_thenRejectedNamingTheUrlProperty() {
        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres", "url", "jdbc:mysql://x/y")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void givenUnknownKey_whenOpen_thenRejectedNamingIt() {
        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres", "url", url(), "index", "hnsw")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.index");
    }

    @Test
    void givenSchemaOutsideTheIdentifierRule_whenOpen_thenRejectedBeforeAnySql() {
        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres", "url", url(), "schema",
                "x\"; DROP SCHEMA public; --"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.schema");
    }

    @Test
    void givenUnknownIndexOrNegativeLimits_whenOpen_thenTheKeyIsNamed() {
        assertThatThrownBy(() -> open(new PgvectorProvider(), Map.of("type", "pgvector", "url", url(), "index", "lsh")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.index")
                .hasMessageContaining("hnsw, ivfflat or none");
        assertThatThrownBy(() -> open(new PgvectorProvider(), Map.of("type", "pgvector", "url", url(),
                "exact-near-limit", -1))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.exact-near-limit");
        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres", "url", url(), "pool-size", 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.pool-size");
    }

    @Test
    void givenUnreachableServer_whenOpen_thenConfigurationErrorWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=url-s3cret&connectTimeout=2";

        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres", "url", url, "password",
                "key-s3cret"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.url").hasMessageNotContaining("url-s3cret")
                .hasMessageNotContaining("key-s3cret")
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("s3cret"));
    }

    @Test
    void givenDatasourceNameOutsideQuarkus_whenOpen_thenRejectedNamingTheDatasourceProperty() {
        assertThatThrownBy(() -> open(new PostgresProvider(), Map.of("type", "postgres", "datasource", "users")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.datasource");
    }

    @Test
    void givenDataSourceHandedOver_whenUsed_thenRowsGoThroughItAndClosingLeavesItUsable() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url());
        String schema = PostgresTestServers.freshSchema();
        Map<String, Object> config = new LinkedHashMap<>(Map.of("type", "postgres", "datasource", "users",
                "schema", schema));
        config.put(BackendConfig.DATA_SOURCE_OBJECT, dataSource);
        try {
            try (Backend backend = open(new PostgresProvider(), config)) {
                backend.ensure(NOTES);
                backend.upsert(NOTES, List.of(row(NOTES, "n1", "title", "hello")));
                assertThat(backend.count(NOTES)).isEqualTo(1);
            }
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT title FROM \"" + schema + "\".notes")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("hello");
            }
        } finally {
            PostgresTestServers.POSTGRES.dropSchema(schema);
        }
    }

    @Test
    void givenServerWithoutPgvector_whenPgvectorEnsures_thenBackendErrorNamingTheExtension() throws Exception {
        try (var connection = PostgresTestServers.POSTGRES.connect(); var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")) {
            result.next();
            org.junit.jupiter.api.Assumptions.assumeTrue(result.getLong(1) == 0,
                    "the postgres test server has pgvector");
        }
        String schema = PostgresTestServers.freshSchema();
        try (Backend backend = open(new PgvectorProvider(), Map.of("type", "pgvector", "url", url(), "schema",
                schema))) {
            assertThatThrownBy(() -> backend.ensure(layout("docs", vectorIndex("v", 3))))
                    .isInstanceOf(BackendException.class).hasMessageContaining("main").hasMessageContaining("vector");
        } finally {
            PostgresTestServers.POSTGRES.dropSchema(schema);
        }
    }

    private static String url() {
        return PostgresTestServers.POSTGRES.url();
    }

    private static Backend open(BackendProvider provider, Map<String, Object> config) {
        return provider.open(new BackendConfig("main", config));
    }
}
