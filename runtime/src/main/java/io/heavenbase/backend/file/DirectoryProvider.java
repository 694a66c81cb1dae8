package io.heavenbase.backend.file;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.support.ProviderBase;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code file}, {@code json} and {@code pickle} providers share: the file capabilities and the
 * {@code path} and {@code prefix} keys of a {@link StorageDirectory}; each type only says how it stores rows there.
 */
abstract class DirectoryProvider extends ProviderBase {

    DirectoryProvider(String type) {
        super(type, FileBackendCapabilities.TABLE, StorageDirectory.CONFIG_KEYS);
    }

    @Override
    public final List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(StorageDirectory.PATH, "The directory of the backend's files."));
    }

    @Override
    public final Backend open(BackendConfig config) {
        return open(config.backendName(), StorageDirectory.open(config), config.prefix());
    }

    /** The backend named {@code name} over {@code directory}, its physical names starting with {@code prefix}. */
    abstract Backend open(String name, Path directory, String prefix);
}
