package io.heavenbase.quarkus.deployment.support;

import java.util.Map;
import java.util.Set;

import io.heavenbase.backend.inmem.InMemProvider;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;

/**
 * Test backend type {@code recording}: records every configuration it is opened with (see {@link Recordings})
 * and stores rows like {@code inmem}.
 */
public class RecordingProvider implements BackendProvider {

    private static final InMemProvider ROWS = new InMemProvider();

    @Override
    public String type() {
        return "recording";
    }

    @Override
    public CapabilityTable capabilities() {
        return ROWS.capabilities();
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("url", "username", "password", "schema", "hosts");
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return RecordingBackend.class;
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        Recordings.opened(config.backendName(), config.values());
        return new RecordingBackend(type(), ROWS.open(new BackendConfig(config.backendName(), Map.of("type", "inmem"))));
    }

    /** A type whose driver is "missing": the build must fail naming the property and the artifact to add. */
    public static final class NeedsDriver extends RecordingProvider {
        @Override
        public String type() {
            return "needs-driver";
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String missingDriver() {
            return "org.example:example-jdbc";
        }
    }
}
