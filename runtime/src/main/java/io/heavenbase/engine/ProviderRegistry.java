package io.heavenbase.engine;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The backend providers on the classpath (ServiceLoader), by backend key. */
public final class ProviderRegistry {

    /** Every backend key of the product, including those whose provider is not on the classpath. */
    public static final List<String> KNOWN_TYPES = List.of("inmem", "json", "pickle", "file", "sqlite", "duckdb",
            "postgres", "pgvector", "mysql", "oceanbase", "mssql", "oracle", "trino", "starrocks", "lance", "chroma",
            "milvus", "pinecone", "elasticsearch");

    private static volatile Map<String, BackendProvider> providers;

    private ProviderRegistry() {
    }

    /** Providers by type key, in discovery order. */
    public static Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> loaded = providers;
        if (loaded == null) {
            synchronized (ProviderRegistry.class) {
                if (providers == null) {
                    Map<String, BackendProvider> byType = new LinkedHashMap<>();
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    if (loader == null) {
                        loader = ProviderRegistry.class.getClassLoader();
                    }
                    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class, loader)) {
                        byType.putIfAbsent(provider.type(), provider);
                    }
                    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class,
                            ProviderRegistry.class.getClassLoader())) {
                        byType.putIfAbsent(provider.type(), provider);
                    }
                    providers = Collections.unmodifiableMap(byType);
                }
                loaded = providers;
            }
        }
        return loaded;
    }

    /**
     * The provider for a backend's type; a {@link ConfigurationException} naming the property when
     * the type is unknown, not built yet, or its driver is missing.
     */
    public static BackendProvider require(String backendName, String type) {
        String property = "heavenbase.backends." + backendName + ".type";
        BackendProvider provider = providers().get(type);
        if (provider == null) {
            if (KNOWN_TYPES.contains(type)) {
                throw new ConfigurationException(property, "backend type '" + type + "' (" + property
                        + ") is not available in this build of HeavenBase yet; available types: "
                        + providers().keySet());
            }
            throw new ConfigurationException(property, "unknown backend type '" + type + "' (" + property
                    + "); known types: " + KNOWN_TYPES);
        }
        if (!provider.available()) {
            throw new ConfigurationException(property, "backend type '" + type + "' (" + property
                    + ") needs its driver on the classpath: add " + provider.missingDriver());
        }
        return provider;
    }
}
