package io.heavenbase.backend.sql.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code sqlite} provider: discovery, configuration and its capability table. */
class SqliteProviderTest {

    private final SqliteProvider provider = new SqliteProvider();
    private final CapabilityTable capabilities = provider.capabilities();

    @Test
    void isDiscoveredThroughTheServiceLoaderUnderItsKey() {
        Optional<BackendProvider> found = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.type().equals("sqlite")).findFirst();

        assertThat(found).containsInstanceOf(SqliteProvider.class);
        assertThat(provider.available()).isTrue();
        assertThat(provider.configKeys()).containsExactly("database");
    }

    @Test
    void opensAnInMemoryDatabaseByDefault() {
        try (Backend backend = provider.open(new BackendConfig("main", Map.of("type", "sqlite")))) {
            backend.ping();
            assertThat(backend.name()).isEqualTo("main");
            assertThat(backend.type()).isEqualTo("sqlite");
            assertThat(backend.capabilities()).isSameAs(capabilities);
        }
    }

    @Test
    void rejectsUnknownPropertiesNamingThem() {
        assertThatThrownBy(() -> provider.open(new BackendConfig("main", Map.of("type", "sqlite", "url", "x"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.url");
    }

    @Test
    void anUnopenableDatabaseIsAConfigurationErrorNamingTheProperty(@TempDir Path dir) throws Exception {
        Path blocker = Files.createFile(dir.resolve("plain-file"));
        String database = blocker.resolve("child.db").toString();

        assertThatThrownBy(() -> provider.open(new BackendConfig("main", Map.of("type", "sqlite", "database",
                database)))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.main.database")
                .satisfies(e -> assertThat(((ConfigurationException) e).property())
                        .isEqualTo("heavenbase.backends.main.database"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Identifier", "ShortText", "MediumText", "LongText", "Integer", "Float", "Boolean",
        "Categorical[a,b]", "Timestamp", "Date", "Array", "Vector[3]", "Json", "HyperG", "Artifact"})
    void storesEveryKindAsAnInlineColumnWithNativeNull(String spelling) {
        DType dtype = DType.parse(spelling);

        assertThat(capabilities.canStore(dtype, Strategy.INLINE_COLUMN)).isTrue();
        assertThat(capabilities.isNative(dtype, Strategy.INLINE_COLUMN, Ops.NULL)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Identifier", "ShortText", "Integer", "Float", "Timestamp", "Date", "Categorical[a,b]"})
    void runsComparisonsMembershipAndOrderNativelyOnScalars(String spelling) {
        DType dtype = DType.parse(spelling);

        for (String op : new String[] {Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN, Ops.NIN, Ops.ORDER}) {
            assertThat(capabilities.isNative(dtype, Strategy.INLINE_COLUMN, op)).as(op).isTrue();
        }
    }

    @Test
    void matchIsNativeOnTheTextKindsOnlyWithOrWithoutFullTextIndex() {
        for (DType text : new DType[] {DType.SHORT_TEXT, DType.MEDIUM_TEXT, DType.LONG_TEXT}) {
            assertThat(capabilities.isNative(text, Strategy.INLINE_COLUMN, Ops.MATCH)).isTrue();
            assertThat(capabilities.isNative(text, Strategy.INLINE_COLUMN, Ops.MATCH, true)).isTrue();
            assertThat(capabilities.isNative(text, Strategy.INLINE_COLUMN, Ops.MATCH, false)).isTrue();
        }
        assertThat(capabilities.mode(DType.IDENTIFIER, Strategy.INLINE_COLUMN, Ops.MATCH)).isEmpty();
    }

    @Test
    void arraysAndHyperGCanUseSideTablesAndArrayContainsIsNativeEitherWay() {
        assertThat(capabilities.strategies(DType.ARRAY)).containsExactly(Strategy.INLINE_COLUMN, Strategy.SIDE_TABLE);
        assertThat(capabilities.strategies(DType.HYPERG)).containsExactly(Strategy.INLINE_COLUMN, Strategy.SIDE_TABLE);
        assertThat(capabilities.isNative(DType.ARRAY, Strategy.INLINE_COLUMN, Ops.ARRAY_CONTAINS)).isTrue();
        assertThat(capabilities.isNative(DType.ARRAY, Strategy.SIDE_TABLE, Ops.ARRAY_CONTAINS)).isTrue();
    }

    @Test
    void containedInFallsBackAndSparseGramAndGraphEdgeAreNotStorable() {
        assertThat(capabilities.mode(DType.ARRAY, Strategy.INLINE_COLUMN, Ops.CONTAINED_IN))
                .contains(ExecutionMode.FALLBACK);
        assertThat(capabilities.canStore(DType.ARRAY, Strategy.SPARSE_GRAM_INDEX)).isFalse();
        assertThat(capabilities.canStore(DType.HYPERG, Strategy.GRAPH_EDGE)).isFalse();
    }

    @Test
    void nearIsNativeOnVectorsAndVectorIndexIsTheirDefaultStrategy() {
        DType vector = DType.vector(4);

        assertThat(capabilities.isNative(vector, Strategy.INLINE_COLUMN, Ops.NEAR)).isTrue();
        assertThat(capabilities.isNative(vector, Strategy.VECTOR_INDEX, Ops.NEAR)).isTrue();
        assertThat(capabilities.defaultStrategy(vector)).isEqualTo(Strategy.VECTOR_INDEX);
    }
}
