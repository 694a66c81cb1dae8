package io.heavenbase.backend.file;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;
import java.util.List;
import java.util.Set;

/**
 * The {@code json} backend: one pretty-printed, diff-friendly JSON document per entity part under
 * {@code path}. Configuration: {@code path} (directory, created when missing), {@code prefix}.
 */
public final class JsonProvider implements BackendProvider {

    public static final String TYPE = "json";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return FileBackendCapabilities.TABLE;
    }

    @Override
    public Set<String> configKeys() {
        return StorageDirectory.CONFIG_KEYS;
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(StorageDirectory.PATH, "The directory of the backend's files."));
    }

    @Override
    public Backend open(BackendConfig config) {
        return new SnapshotBackend(config.backendName(), TYPE, StorageDirectory.open(config), config.prefix(),
                FileEncoding.JSON);
    }
}
