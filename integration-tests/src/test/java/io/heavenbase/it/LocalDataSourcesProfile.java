package io.heavenbase.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The local PostgreSQL and MariaDB of the build machines (see {@code .ci/services.sh}) as Agroal datasources
 * {@code pg} and {@code maria}, used by a {@code postgres} backend {@code main} and a {@code mysql} backend
 * {@code shop}; {@code vec} stays in memory.
 */
public class LocalDataSourcesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.datasource.\"pg\".db-kind", "postgresql"),
                Map.entry("quarkus.datasource.\"pg\".jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                Map.entry("quarkus.datasource.\"pg\".username", "postgres"),
                Map.entry("quarkus.datasource.\"maria\".db-kind", "mysql"),
                Map.entry("quarkus.datasource.\"maria\".jdbc.url", "jdbc:mysql://127.0.0.1:3306/test"),
                Map.entry("quarkus.datasource.\"maria\".username", "root"),
                Map.entry("heavenbase.preset", ""),
                Map.entry("heavenbase.backends.main.type", "postgres"),
                Map.entry("heavenbase.backends.main.datasource", "pg"),
                Map.entry("heavenbase.backends.shop.type", "mysql"),
                Map.entry("heavenbase.backends.shop.datasource", "maria"),
                Map.entry("heavenbase.backends.vec.type", "inmem"),
                // Own tables in the shared test databases.
                Map.entry("heavenbase.backends.main.prefix", "hbit_"),
                Map.entry("heavenbase.backends.shop.prefix", "hbit_"));
    }
}
