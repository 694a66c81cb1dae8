package io.heavenbase.spi.support;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import java.util.Set;

/**
 * The fixed facts of a {@link BackendProvider} (type, capabilities, configuration keys and, for a backend with an
 * optional client library, its {@link DriverProbe}) given once to the constructor, so a provider only adds what is
 * its own: descriptions, connection facts, Dev Services and {@code open}.
 */
public abstract class ProviderBase implements BackendProvider {

    private final String type;
    private final CapabilityTable capabilities;
    private final Set<String> configKeys;
    private final DriverProbe driver;

    /** A provider that needs no library beyond HeavenBase's own dependencies. */
    protected ProviderBase(String type, CapabilityTable capabilities, Set<String> configKeys) {
        this(type, capabilities, configKeys, null);
    }

    /** A provider whose backend needs the library {@code driver} (null for none). */
    protected ProviderBase(String type, CapabilityTable capabilities, Set<String> configKeys, DriverProbe driver) {
        this.type = type;
        this.capabilities = capabilities;
        this.configKeys = Set.copyOf(configKeys);
        this.driver = driver;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final CapabilityTable capabilities() {
        return capabilities;
    }

    @Override
    public final Set<String> configKeys() {
        return configKeys;
    }

    /** True without a driver; otherwise whether the driver's classes load through this provider's class loader. */
    @Override
    public boolean available() {
        return driver == null || driver.present(getClass().getClassLoader());
    }

    @Override
    public String driverMarker() {
        return driver == null ? null : driver.marker();
    }

    @Override
    public String missingDriver() {
        return driver == null ? "" : driver.coordinates();
    }

    /**
     * Fails when the driver is missing, with the message {@link DriverProbe#require} gives; does nothing without a
     * driver.
     */
    protected final void requireDriver(BackendConfig config) {
        if (driver != null) {
            driver.require(config, type, getClass().getClassLoader());
        }
    }
}
