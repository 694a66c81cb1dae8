package io.heavenbase.spi;

import io.heavenbase.capability.CapabilityTable;
import java.util.List;
import java.util.Set;

/**
 * A backend family, found with {@link java.util.ServiceLoader}. Adding a backend means one provider
 * (listed in {@code META-INF/services/io.heavenbase.spi.BackendProvider}), its capability table and
 * passing the conformance suite. The provider also describes its type as data, which is all the engine and the
 * Quarkus extension know about it: what it needs on the class path ({@link #driverMarker()},
 * {@link #missingDriver()}, {@link #quarkusRequirement()}), how it connects ({@link #connection()}), what Dev
 * Services can start for it ({@link #devServices()}), its configuration keys ({@link #keyDescriptions()}) and an
 * optional {@link #warmUp()}.
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
     * What this type needs in a Quarkus application and the Quarkus extensions that bring it (e.g.
     * {@code io.quarkus:quarkus-jdbc-postgresql}), or null when no Quarkus extension serves the type: then the
     * build checks {@link #driverMarker()} and names {@link #missingDriver()}.
     */
    default QuarkusRequirement quarkusRequirement() {
        return null;
    }

    /** How this type reaches its server; {@link ConnectionFacts#none()} (the default) for types without one. */
    default ConnectionFacts connection() {
        return ConnectionFacts.none();
    }

    /** What HeavenBase Dev Services can start for this type; neither container nor embedded server by default. */
    default DevServiceDescription devServices() {
        return new DevServiceDescription(null, null);
    }

    /**
     * The configuration keys of {@link #configKeys()} described for users: type, default, secret flag and text.
     * The default describes each key as text without a default or documentation.
     */
    default List<ConfigKey> keyDescriptions() {
        return configKeys().stream().sorted().map(key -> ConfigKey.text(key, "")).toList();
    }

    /**
     * Prepares what opening a backend of this type needs (class and native-library initialisation, never a
     * connection), so that the first open is faster. The Quarkus extension calls it on a background thread while
     * the application starts, for each configured type; it must not throw. Does nothing by default.
     */
    default void warmUp() {
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
