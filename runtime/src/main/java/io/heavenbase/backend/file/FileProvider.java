package io.heavenbase.backend.file;

import io.heavenbase.spi.Backend;
import java.nio.file.Path;

/**
 * The {@code file} backend: one JSON file per row under {@code path/<entity>/}, Artifact values as
 * separate binary files. Configuration: {@code path} (directory, created when missing),
 * {@code prefix}.
 */
public final class FileProvider extends DirectoryProvider {

    public static final String TYPE = "file";

    /** The provider {@link java.util.ServiceLoader} finds. */
    public FileProvider() {
        super(TYPE);
    }

    @Override
    Backend open(String name, Path directory, String prefix) {
        return new RowFilesBackend(name, directory, prefix);
    }
}
