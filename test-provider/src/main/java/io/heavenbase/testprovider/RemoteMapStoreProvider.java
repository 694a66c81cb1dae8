package io.heavenbase.testprovider;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConnectionFacts;
import java.util.Set;

/**
 * The {@code remote-mapstore} backend type: a mapstore behind a server whose client library is never on the class
 * path, so a build that configures it fails at build time naming the artifact to add ({@link #driverMarker()},
 * {@link #missingDriver()}).
 */
public final class RemoteMapStoreProvider implements BackendProvider {

    /** A class of the client library, which no module of this build has. */
    static final String CLIENT_CLASS = "org.example.mapstore.client.MapStoreClient";

    @Override
    public String type() {
        return "remote-mapstore";
    }

    @Override
    public CapabilityTable capabilities() {
        return MapStoreProvider.CAPABILITIES;
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("url");
    }

    @Override
    public boolean available() {
        try {
            Class.forName(CLIENT_CLASS, false, RemoteMapStoreProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    @Override
    public String driverMarker() {
        return CLIENT_CLASS;
    }

    @Override
    public String missingDriver() {
        return "org.example:mapstore-client";
    }

    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.server("url");
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        throw new io.heavenbase.ConfigurationException(config.property("type"), "backend '" + config.backendName()
                + "' (remote-mapstore) needs " + missingDriver() + " on the classpath");
    }
}
