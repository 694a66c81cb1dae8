package io.heavenbase.quarkus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;

/**
 * The typed run-time properties ({@link BackendRuntimeConfig}, which the generated configuration reference
 * documents) are exactly the keys the built-in providers declare: a key added to a provider without a property,
 * or a property no provider reads, fails here.
 */
class BackendKeysTest {

    @Test
    void typedPropertiesAreTheKeysTheProvidersDeclare() {
        Set<String> declared = new TreeSet<>();
        for (BackendProvider provider : ProviderRegistry.providers().values()) {
            // This module's test class path also has test providers (FaultyProvider); only the product's count.
            if (provider.getClass().getName().startsWith("io.heavenbase.backend.")) {
                declared.addAll(provider.configKeys());
            }
        }
        declared.remove("datasource");
        // elasticsearch's "client" is a RestClient object in plain Java; in Quarkus the client bean is handed over.
        declared.remove("client");
        // Every backend takes a prefix; the engine reads it for all types, so providers do not declare it.
        declared.add("prefix");

        assertThat(BackendKeys.typed()).isEqualTo(declared);
    }

    @Test
    void ownPropertiesIncludeBuildTimeAndSwitchKeysButNotOptions() {
        assertThat(BackendKeys.hasOwnProperty("type")).isTrue();
        assertThat(BackendKeys.hasOwnProperty("datasource")).isTrue();
        assertThat(BackendKeys.hasOwnProperty("active")).isTrue();
        assertThat(BackendKeys.hasOwnProperty("health-exclude")).isTrue();
        assertThat(BackendKeys.hasOwnProperty("exact-near-limit")).isTrue();
        assertThat(BackendKeys.hasOwnProperty("options")).isFalse();
        assertThat(BackendKeys.hasOwnProperty("colour")).isFalse();
    }

    @Test
    void methodNamesBecomeKebabKeys() {
        assertThat(BackendKeys.kebab("exactNearLimit")).isEqualTo("exact-near-limit");
        assertThat(BackendKeys.kebab("apiKey")).isEqualTo("api-key");
        assertThat(BackendKeys.kebab("url")).isEqualTo("url");
    }

    @Test
    void everyTypedPropertyHasTheTypeTheProvidersDescribe() throws Exception {
        for (BackendProvider provider : ProviderRegistry.providers().values()) {
            if (!provider.getClass().getName().startsWith("io.heavenbase.backend.")) {
                continue;
            }
            for (ConfigKey key : provider.keyDescriptions()) {
                if (!BackendKeys.typed().contains(key.name())) {
                    continue;
                }
                Method method = BackendRuntimeConfig.class.getMethod(camel(key.name()));
                Type valueType = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
                assertThat(valueType).as("%s %s", provider.type(), key.name()).isEqualTo(key.type());
            }
        }
    }

    private static String camel(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
