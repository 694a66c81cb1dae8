package io.heavenbase.backend.file;

import io.heavenbase.spi.Backend;
import java.nio.file.Path;

/**
 * The {@code json} backend: one pretty-printed, diff-friendly JSON document per entity part under
 * {@code path}. Configuration: {@code path} (directory, created when missing), {@code prefix}.
 */
public final class JsonProvider extends DirectoryProvider {

    public static final String TYPE = "json";

    /** The provider {@link java.util.ServiceLoader} finds. */
    public JsonProvider() {
        super(TYPE);
    }

    @Override
    Backend open(String name, Path directory, String prefix) {
        return new SnapshotBackend(name, TYPE, directory, prefix, FileEncoding.JSON);
    }
}
