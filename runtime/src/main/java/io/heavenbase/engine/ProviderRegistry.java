package io.heavenbase.engine;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendProvider;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The backend providers on the classpath (ServiceLoader), by backend key. */
public final class ProviderRegistry {

    /** Every provider, once discovery has run to the end; read without locking from then on. */
    private static volatile Map<String, BackendProvider> providers;
    /** Providers discovered so far, by type; guarded by the class lock. */
    private static final Map<String, BackendProvider> DISCOVERED = new LinkedHashMap<>();
    /** The providers not discovered yet; guarded by the class lock. */
    private static Iterator<BackendProvider> undiscovered;

    private ProviderRegistry() {
    }

    /** Providers by type key, in discovery order. */
    public static Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> loaded = providers;
        if (loaded == null) {
            synchronized (ProviderRegistry.class) {
                discoverUntil(null);
                loaded = providers;
            }
        }
        return loaded;
    }

    /**
     * The first provider discovered for {@code type}, instantiating providers only up to it: opening one
     * backend should not load the classes of every other backend on the classpath.
     */
    private static BackendProvider find(String type) {
        Map<String, BackendProvider> loaded = providers;
        if (loaded != null) {
            return loaded.get(type);
        }
        synchronized (ProviderRegistry.class) {
            return discoverUntil(type);
        }
    }

    /** Discovers providers until one of {@code type} is found (then returns it) or all are (then returns null). */
    private static BackendProvider discoverUntil(String type) {
        if (providers != null) {
            return type == null ? null : providers.get(type);
        }
        BackendProvider found = type == null ? null : DISCOVERED.get(type);
        if (found != null) {
            return found;
        }
        if (undiscovered == null) {
            undiscovered = serviceProviders();
        }
        while (undiscovered.hasNext()) {
            BackendProvider provider = undiscovered.next();
            if (DISCOVERED.putIfAbsent(provider.type(), provider) == null && provider.type().equals(type)) {
                return provider;
            }
        }
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(DISCOVERED));
        return type == null ? null : DISCOVERED.get(type);
    }

    /** The context class loader's providers, then this library's own loader's when it is another loader. */
    private static Iterator<BackendProvider> serviceProviders() {
        ClassLoader own = ProviderRegistry.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == own) {
            return ServiceLoader.load(BackendProvider.class, own).iterator();
        }
        // Streams are lazy: the second loader is asked only once the first is exhausted.
        return Stream.concat(ServiceLoader.load(BackendProvider.class, context).stream(),
                ServiceLoader.load(BackendProvider.class, own).stream()).map(ServiceLoader.Provider::get).iterator();
    }

    /**
     * The provider of {@code type}, discovering providers only up to it (see {@link #find}); empty when none has
     * this type.
     */
    public static Optional<BackendProvider> provider(String type) {
        return Optional.ofNullable(find(type));
    }

    /** The backend types whose provider is on the class path: the known types. */
    public static Collection<String> knownTypes() {
        return providers().keySet();
    }

    /**
     * The provider for a backend's type; a {@link ConfigurationException} naming the property when
     * the type is unknown or its driver is missing.
     */
    public static BackendProvider require(String backendName, String type) {
        BackendProvider provider = find(type);
        if (provider == null) {
            throw unknownType(backendName, type, knownTypes());
        }
        if (!provider.available()) {
            throw missingDriver(backendName, provider);
        }
        return provider;
    }

    /**
     * The failure for a type no provider has; shared with the Quarkus build, which finds providers on the
     * application's class path.
     *
     * @param known the types that have a provider
     */
    public static ConfigurationException unknownType(String backendName, String type, Collection<String> known) {
        String property = typeProperty(backendName);
        return new ConfigurationException(property, "unknown backend type '" + type + "' (" + property
                + "); known types: " + new TreeSet<>(known));
    }

    /** The failure for a type whose driver is not on the class path, naming what to add. */
    public static ConfigurationException missingDriver(String backendName, BackendProvider provider) {
        String property = typeProperty(backendName);
        return new ConfigurationException(property, "backend type '" + provider.type() + "' (" + property
                + ") needs its driver on the classpath: add " + provider.missingDriver());
    }

    private static String typeProperty(String backendName) {
        return "heavenbase.backends." + backendName + ".type";
    }
}
