package io.heavenbase.backend.sql.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.spi.BackendConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration of the duckdb backend. */
class DuckdbProviderTest {

    @TempDir
    Path directory;

    @Test
    void givenTheDriverOnTheClassPath_whenAsked_thenTheProviderIsAvailableWithItsKeyAndCapabilities() {
        DuckdbProvider provider = new DuckdbProvider();

        assertThat(provider.available()).isTrue();
        assertThat(provider.type()).isEqualTo("duckdb");
        assertThat(provider.configKeys()).containsExactly("database");
        assertThat(provider.capabilities()).isSameAs(DuckdbDialect.CAPABILITIES);
        assertThat(provider.missingDriver()).isEqualTo("org.duckdb:duckdb_jdbc");
        assertThat(provider.backendClass()).isEqualTo(SqlBackend.class);
    }

    @Test
    void givenNoDatabase_whenOpened_thenAPrivateInMemoryDatabaseIsUsed() {
        try (SqlBackend first = (SqlBackend) new DuckdbProvider().open(config());
                SqlBackend second = (SqlBackend) new DuckdbProvider().open(config("database", ":memory:"))) {
            var layout = DuckdbFixtures.layout("only-here", DuckdbFixtures.inline("x", "Integer"));
            first.ensure(layout);
            first.upsert(layout, DuckdbFixtures.rows(DuckdbFixtures.row(layout, "a", "x", 1L)));
            second.ensure(layout);

            assertThat(first.count(layout)).isEqualTo(1);
            assertThat(second.count(layout)).isZero();
        }
    }

    @Test
    void givenADirectoryAsDatabase_whenOpened_thenTheDatabasePropertyIsNamed() throws Exception {
        Path notAFile = Files.createDirectories(directory.resolve("dir.duckdb"));

        assertThatThrownBy(() -> new DuckdbProvider().open(config("database", notAFile.toString())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.database");
    }

    @Test
    void givenAnUnknownKey_whenOpened_thenItIsRejectedWithItsProperty() {
        assertThatThrownBy(() -> new DuckdbProvider().open(config("url", "jdbc:duckdb:")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heavenbase.backends.main.url");
    }

    private static BackendConfig config(String... keysAndValues) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("type", "duckdb");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new BackendConfig("main", values);
    }
}
