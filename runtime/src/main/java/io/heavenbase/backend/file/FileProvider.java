package io.heavenbase.backend.file;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;
import java.util.List;
import java.util.Set;

/**
 * The {@code file} backend: one JSON file per row under {@code path/<entity>/}, Artifact values as
 * separate binary files. Configuration: {@code path} (directory, created when missing),
 * {@code prefix}.
 */
public final class FileProvider implements BackendProvider {

    public static final String TYPE = "file";

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
        return new RowFilesBackend(config.backendName(), StorageDirectory.open(config), config.prefix());
    }
}
