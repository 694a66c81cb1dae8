package io.heavenbase.conformance;

import io.heavenbase.backend.inmem.InMemProvider;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.util.Map;
import java.util.Set;

/**
 * Test-only backend type {@code faulty}: an inmem backend whose operations can be made to fail
 * through {@link Faults}, keyed by the {@code fault-id} configuration value.
 */
public final class FaultyProvider implements BackendProvider {

    public static final String TYPE = "faulty";
    public static final String FAULT_ID = "fault-id";

    private static final BackendProvider INMEM = new InMemProvider();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return INMEM.capabilities();
    }

    @Override
    public Set<String> configKeys() {
        return Set.of(FAULT_ID);
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        Backend delegate = INMEM.open(new BackendConfig(config.backendName(), Map.of("type", "inmem")));
        return new FaultyBackend(delegate, config.require(FAULT_ID));
    }
}
