package io.heavenbase.quarkus.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import io.heavenbase.ConfigurationException;
import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.quarkus.deployment.requirements.ApplicationClassPath;
import io.heavenbase.spi.BackendProvider;

/**
 * The backend providers the application's build sees, loaded afresh for every build: the engine's
 * {@link ProviderRegistry} caches per JVM, but one JVM builds many applications (dev-mode restarts, tests).
 * The messages are the engine's ({@link ProviderRegistry#require}); a provider's driver is also looked for on the
 * application's class path ({@link BackendProvider#driverMarker()}), which holds drivers an application adds
 * that the build's class loader may not show the provider.
 */
final class BuildTimeProviders {

    private final Map<String, BackendProvider> byType = new LinkedHashMap<>();
    private final ApplicationClassPath classPath;

    BuildTimeProviders(ApplicationClassPath classPath) {
        this.classPath = classPath;
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class,
                Thread.currentThread().getContextClassLoader())) {
            byType.putIfAbsent(provider.type(), provider);
        }
    }

    /**
     * The provider of a backend's type; a {@link ConfigurationException} naming the type property when the type
     * is unknown or (when {@code checkDriver}) its driver is missing.
     */
    BackendProvider require(String backendName, String type, boolean checkDriver) {
        BackendProvider provider = byType.get(type);
        if (provider == null) {
            throw ProviderRegistry.unknownType(backendName, type, byType.keySet());
        }
        if (checkDriver && !hasDriver(provider)) {
            throw ProviderRegistry.missingDriver(backendName, provider);
        }
        return provider;
    }

    /** The types whose provider takes an Agroal datasource (SQL servers), sorted. */
    Set<String> dataSourceTypes() {
        Set<String> types = new TreeSet<>();
        byType.forEach((type, provider) -> {
            if (provider.connection().takesDataSource()) {
                types.add(type);
            }
        });
        return types;
    }

    /**
     * Whether the driver is on the application's class path, or visible to the provider itself: in this
     * extension's own tests an optional driver such as lance-core is a test dependency, which the build's class
     * loader sees but the application model does not list as the application's.
     */
    private boolean hasDriver(BackendProvider provider) {
        String marker = provider.driverMarker();
        return provider.available() || marker != null && classPath.hasClass(marker);
    }
}
