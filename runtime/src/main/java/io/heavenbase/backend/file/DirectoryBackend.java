package io.heavenbase.backend.file;

import io.heavenbase.BackendException;
import io.heavenbase.spi.support.BackendBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the backends over one {@link StorageDirectory} share: the per-file cache of what they last
 * read (cleared by {@link #refresh()} and {@link #close()}), the health check of the directory and the translation
 * of file errors into {@link BackendException}s.
 *
 * @param <S> what the cache holds for one file or entity directory
 */
abstract class DirectoryBackend<S> extends BackendBase {

    final Path directory;
    final String prefix;
    final ConcurrentMap<Path, S> cache = new ConcurrentHashMap<>();

    DirectoryBackend(String name, String type, Path directory, String prefix) {
        super(name, type, FileBackendCapabilities.TABLE);
        this.directory = directory;
        this.prefix = prefix;
    }

    @Override
    public final void refresh() {
        cache.clear();
    }

    @Override
    public final void ping() {
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new BackendException(name(), "ping", "directory '" + directory + "' is missing or not writable", null);
        }
    }

    @Override
    public final void close() {
        cache.clear();
    }

    /** Runs {@code action}, reporting an unreadable file or an I/O failure as a failed {@code operation}. */
    final <T> T io(String operation, FileAction<T> action) {
        try {
            return action.run();
        } catch (InvalidFileException | IllegalArgumentException e) {
            throw new BackendException(name(), operation, e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException(name(), operation, e);
        }
    }

    /** Runs {@code step} as a writer, under the directory's lock, like {@link #io}. */
    final void locked(String operation, LockedStep step) {
        io(operation, () -> {
            try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
                step.run();
            }
            return null;
        });
    }

    /** A file-system step that needs the directory's writer lock. */
    @FunctionalInterface
    interface LockedStep {
        void run() throws IOException;
    }
}
