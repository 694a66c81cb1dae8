package io.heavenbase.spi;

import io.heavenbase.capability.CapabilityTable;
import java.util.Set;

/**
 * A backend family, found with {@link java.util.ServiceLoader}. Adding a backend means one provider
 * (listed in {@code META-INF/services/io.heavenbase.spi.BackendProvider}), its capability table and
 * passing the conformance suite.
 */
public interface BackendProvider {

    /** The backend key used as {@code type}, e.g. {@code sqlite}. */
    String type();

    /** What this backend stores and runs natively. */
    CapabilityTable capabilities();

    /** Configuration keys this type accepts besides {@code type}, {@code prefix}. */
    Set<String> configKeys();

    /**
     * Whether the driver classes this backend needs are on the classpath; when false,
     * {@link #missingDriver()} says which artifact to add.
     */
    default boolean available() {
        return true;
    }

    /**
     * A class of the artifact {@link #missingDriver()} names (its driver or client), or null when the type needs
     * none. Build tools look for it on the application's class path, which at build time is not the class
     * loader this provider was loaded by.
     */
    default String driverMarker() {
        return null;
    }

    /** The Maven coordinates to add when {@link #available()} is false. */
    default String missingDriver() {
        return "";
    }

    /**
     * The class of the backends {@link #open} returns, known without opening one. The Quarkus
     * extension adds it (when public) as a bean type next to {@link Backend}; the default says
     * only "a Backend".
     */
    default Class<? extends Backend> backendClass() {
        return Backend.class;
    }

    /** Opens the backend; throws {@link io.heavenbase.ConfigurationException} naming a bad property. */
    Backend open(BackendConfig config);
}
