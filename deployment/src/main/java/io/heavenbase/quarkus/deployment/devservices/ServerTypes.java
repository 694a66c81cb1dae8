package io.heavenbase.quarkus.deployment.devservices;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.DevServiceDescription;

/**
 * The backend types that need a server, the key that configures their connection, and the embedded server Dev
 * Services can start for them when there is no container runtime: what each type's provider describes.
 */
final class ServerTypes {

    /**
     * One server type.
     *
     * @param connectionKey the key that, when set, means the application brings its own server
     * @param description what is started, for logs
     * @param embedded starts a server on this machine, or null when the type has none
     * @param markerClass a class of the library the embedded server needs, or null when it is always there
     * @param library the Maven coordinates of that library, for the warning when it is missing
     * @param providedKeys the keys {@link EmbeddedServer#connection()} fills in
     * @param dataSourceKinds the Quarkus datasource kinds the embedded server can serve
     */
    record ServerType(String connectionKey, String description, Supplier<EmbeddedServer> embedded,
            String markerClass, String library, List<String> providedKeys, Set<String> dataSourceKinds) {

        /** Whether an embedded server exists for the type and its library is on the class path. */
        boolean hasEmbedded() {
            if (embedded == null || markerClass == null) {
                return embedded != null;
            }
            try {
                Class.forName(markerClass, false, Thread.currentThread().getContextClassLoader());
                return true;
            } catch (ClassNotFoundException absent) {
                return false;
            }
        }

        /** Why no embedded server can be started, for the warning; empty when one can. */
        String missingEmbedded() {
            if (embedded == null) {
                return "";
            }
            return hasEmbedded() ? "" : "add " + library + " to the dev/test class path for an embedded server";
        }
    }

    private ServerTypes() {
    }

    /** The server type of a backend type, or null for embedded and file types that need no server. */
    static ServerType of(String backendType) {
        BackendProvider provider = ContainerDefinitions.BuildProviders.byType().get(backendType);
        return provider == null ? null : of(provider);
    }

    /**
     * The server type its provider describes ({@link BackendProvider#connection()},
     * {@link BackendProvider#devServices()}), or null when the type needs no server.
     */
    static ServerType of(BackendProvider provider) {
        String connectionKey = provider.connection().connectionKey();
        if (connectionKey == null) {
            return null;
        }
        DevServiceDescription.Embedded embedded = provider.devServices().embedded();
        if (embedded == null) {
            return new ServerType(connectionKey, null, null, null, null, List.of(), Set.of());
        }
        return new ServerType(connectionKey, embedded.description(), byName(embedded.serverClass()),
                embedded.markerClass(), embedded.library(), embedded.providedKeys(), embedded.dataSourceKinds());
    }

    /**
     * Creates an embedded server whose class links against an optional library, loading it by name only when it
     * is started, so that the server type is known without the library.
     */
    private static Supplier<EmbeddedServer> byName(String className) {
        return () -> {
            try {
                return (EmbeddedServer) Class.forName(className, true, ServerTypes.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + className, e);
            }
        };
    }
}
