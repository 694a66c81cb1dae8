package io.heavenbase.backend.file;

import io.heavenbase.spi.Backend;
import java.nio.file.Path;

/**
 * The {@code pickle} backend: the same content as {@code json}, as one compact CBOR (RFC 8949)
 * snapshot per entity part under {@code path}. The key is HeavenBase's name for its binary local
 * store; nothing here uses Python pickle or Java serialization, so a file can never execute code
 * when read. Configuration: {@code path} (directory, created when missing), {@code prefix}.
 */
public final class PickleProvider extends DirectoryProvider {

    public static final String TYPE = "pickle";

    /** The provider {@link java.util.ServiceLoader} finds. */
    public PickleProvider() {
        super(TYPE);
    }

    @Override
    Backend open(String name, Path directory, String prefix) {
        return new SnapshotBackend(name, TYPE, directory, prefix, FileEncoding.CBOR);
    }
}
