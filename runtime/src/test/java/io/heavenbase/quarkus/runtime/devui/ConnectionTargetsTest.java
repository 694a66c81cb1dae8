package io.heavenbase.quarkus.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.runtime.BackendRuntimeConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The Dev UI's connection targets show where a backend connects and never a secret. */
class ConnectionTargetsTest {

    @Test
    void addressKeysAreShownAndSecretsMasked() {
        BackendRuntimeConfig backend = backend(Map.of(
                "url", "http://admin:hunter2@search.local:9200/?api_key=abc123",
                "index", "notes",
                "username", "admin",
                "password", "hunter2",
                "token", "tok-secret",
                "apiKey", "key-secret"), Map.of("batch-size", "50", "client-secret", "s3cr3t"));

        Map<String, String> target = ConnectionTargets.of(backend, null, config(Map.of()));

        assertThat(target).containsEntry("url", "http://admin:***@search.local:9200/?api_key=***")
                .containsEntry("index", "notes").containsEntry("username", "admin")
                .containsEntry("password", "***").containsEntry("token", "***").containsEntry("api-key", "***")
                .containsEntry("options.batch-size", "50").containsEntry("options.client-secret", "***");
        assertThat(target.toString()).doesNotContain("hunter2", "tok-secret", "key-secret", "abc123", "s3cr3t");
    }

    @Test
    void aDatasourceBackendShowsTheDatasourceUrlWithoutItsPassword() {
        Config config = config(Map.of(
                "quarkus.datasource.\"shop\".jdbc.url", "jdbc:postgresql://db.local:5432/shop?password=pw1&ssl=true",
                "quarkus.datasource.\"shop\".username", "app",
                "quarkus.datasource.\"shop\".password", "pw1"));

        Map<String, String> target = ConnectionTargets.of(backend(Map.of(), Map.of()), "shop", config);

        assertThat(target).containsExactly(Map.entry("datasource", "shop"),
                Map.entry("jdbc-url", "jdbc:postgresql://db.local:5432/shop?password=***&ssl=true"),
                Map.entry("username", "app"));
    }

    @Test
    void theDefaultDatasourceIsReadUnquoted() {
        Config config = config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost/test"));

        assertThat(ConnectionTargets.of(backend(Map.of(), Map.of()), "<default>", config))
                .containsEntry("jdbc-url", "jdbc:postgresql://localhost/test");
    }

    @Test
    void errorDetailsKeepTheWholeMessageAndEveryCauseWithoutSecrets() {
        String longMessage = "x".repeat(5000) + " password=hunter2 end";
        Exception error = new ConfigurationException("heavenbase.backends.main.url", longMessage,
                new IllegalStateException("root cause at jdbc:postgresql://u:pw@host/db"));

        Map<String, Object> details = ErrorDetails.of(error);

        assertThat(details.get("type")).isEqualTo("ConfigurationException");
        assertThat((String) details.get("message")).hasSize(5000 + " password=*** end".length()).endsWith("*** end");
        assertThat((String) details.get("details")).contains("Caused by: java.lang.IllegalStateException: root cause")
                .contains("u:***@host").doesNotContain("hunter2", ":pw@");
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void theSecretKeysAreThoseTheProvidersMarkSecret() {
        assertThat(ConnectionTargets.SECRET_KEYS).containsExactlyInAnyOrder("password", "token", "api-key");
    }

    /** A backend configuration answering the given Optional keys (method names) and options; everything else unset. */
    private static BackendRuntimeConfig backend(Map<String, String> values, Map<String, String> options) {
        Map<String, String> copy = new HashMap<>(values);
        return (BackendRuntimeConfig) Proxy.newProxyInstance(BackendRuntimeConfig.class.getClassLoader(),
                new Class<?>[] { BackendRuntimeConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("options")) {
                        return options;
                    }
                    if (method.getReturnType() == Optional.class) {
                        return Optional.ofNullable(copy.get(method.getName()));
                    }
                    if (method.getReturnType() == boolean.class) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
