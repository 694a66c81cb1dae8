package io.heavenbase.backend.file;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;
import java.util.List;
import java.util.Set;

/**
 * The {@code pickle} backend: the same content as {@code json}, as one compact CBOR (RFC 8949)
 * snapshot per entity part under {@code path}. The key is HeavenBase's name for its binary local
 * store; nothing here uses Python pickle or Java serialization, so a file can never execute code
 * when read. Configuration: {@code path} (directory, created when missing), {@code prefix}.
 */
public final class PickleProvider implements BackendProvider {

    public static final String TYPE = "pickle";

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
                FileEncoding.CBOR);
    }
}
