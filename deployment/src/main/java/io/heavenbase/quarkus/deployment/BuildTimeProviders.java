package io.heavenbase.quarkus.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import io.heavenbase.ConfigurationException;
import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.spi.BackendProvider;

/**
 * The backend providers the application's build sees, loaded afresh for every build: the engine's
 * {@link ProviderRegistry} caches per JVM, but one JVM builds many applications (dev-mode restarts, tests).
 * The checks and messages are the engine's ({@link ProviderRegistry#require}).
 */
final class BuildTimeProviders {

    private final Map<String, BackendProvider> byType = new LinkedHashMap<>();

    BuildTimeProviders() {
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class,
                Thread.currentThread().getContextClassLoader())) {
            byType.putIfAbsent(provider.type(), provider);
        }
    }

    /**
     * The provider of a backend's type; a {@link ConfigurationException} naming the type property when the type
     * is unknown, not built yet, or (when {@code checkDriver}) its driver is missing.
     */
    BackendProvider require(String backendName, String type, boolean checkDriver) {
        String property = "heavenbase.backends." + backendName + ".type";
        BackendProvider provider = byType.get(type);
        if (provider == null) {
            if (ProviderRegistry.KNOWN_TYPES.contains(type)) {
                throw new ConfigurationException(property, "backend type '" + type + "' (" + property
                        + ") is not available in this build of HeavenBase yet; available types: " + byType.keySet());
            }
            throw new ConfigurationException(property, "unknown backend type '" + type + "' (" + property
                    + "); known types: " + ProviderRegistry.KNOWN_TYPES);
        }
        if (checkDriver && !provider.available()) {
            throw new ConfigurationException(property, "backend type '" + type + "' (" + property
                    + ") needs its driver on the classpath: add " + provider.missingDriver());
        }
        return provider;
    }
}
