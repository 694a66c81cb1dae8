package io.heavenbase.backend.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive writer lock of one backend directory: an OS file lock on
 * {@value #LOCK_FILE_NAME} (excludes other processes) plus an in-JVM lock (file locks are held per
 * JVM, and a second lock attempt from the same JVM would fail rather than wait). Writers hold it
 * for their whole read-modify-write; readers never need it because files are replaced atomically.
 * Re-entrant for the thread that holds it.
 */
final class DirectoryLock implements AutoCloseable {

    static final String LOCK_FILE_NAME = ".heavenbase.lock";
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DirectoryLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the lock of {@code directory} (a real path). */
    static DirectoryLock acquire(Path directory) throws IOException {
        ReentrantLock local = IN_JVM.computeIfAbsent(directory, d -> new ReentrantLock());
        local.lock();
        if (local.getHoldCount() > 1) {
            return new DirectoryLock(local, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new DirectoryLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                try (channel) {
                    fileLock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }
}
