package io.heavenbase.backend.file;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/** The {@code path} directory of a file backend, created when missing. */
final class StorageDirectory {

    static final String PATH = "path";
    static final Set<String> CONFIG_KEYS = Set.of(PATH);

    private StorageDirectory() {
    }

    /** Validates the configuration and returns the real path of the (possibly new) directory. */
    static Path open(BackendConfig config) {
        config.rejectUnknown(CONFIG_KEYS);
        String property = config.property(PATH);
        String value = config.require(PATH);
        try {
            Path directory = Path.of(value).toAbsolutePath().normalize();
            Files.createDirectories(directory);
            if (!Files.isWritable(directory)) {
                throw new ConfigurationException(property, property + " '" + value + "' is not writable");
            }
            return directory.toRealPath();
        } catch (InvalidPathException | IOException e) {
            throw new ConfigurationException(property,
                    property + " '" + value + "' cannot be used as a directory: " + e.getMessage(), e);
        }
    }
}
