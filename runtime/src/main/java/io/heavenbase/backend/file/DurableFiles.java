package io.heavenbase.backend.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Crash-safe file operations: a file is replaced by writing a temporary file in the same directory,
 * flushing and fsyncing it, then renaming it atomically over the target, so a crash at any moment
 * leaves either the old or the new content. Temporary names start with {@code .} and end with
 * {@value #TEMPORARY_SUFFIX}; data files never do.
 */
final class DurableFiles {

    static final String TEMPORARY_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    /** Writes the whole content of a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private DurableFiles() {
    }

    /** How much of a replacement must survive a power loss when the call returns. */
    enum Sync {
        /** Nothing: the file only signals something to live readers (atomic, but may be lost). */
        NONE,
        /** The file's content; the caller syncs the directory once after renaming many files. */
        FILE,
        /** The content and the rename. */
        FILE_AND_DIRECTORY
    }

    /** Atomically replaces (or creates) {@code target} with {@code content}, as durable as {@code sync} says. */
    static void replace(Path target, Content content, Sync sync) throws IOException {
        Path directory = target.getParent();
        Path temporary = temporarySibling(target);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                content.writeTo(out);
                out.flush();
                if (sync != Sync.NONE) {
                    channel.force(true);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
        if (sync == Sync.FILE_AND_DIRECTORY) {
            syncDirectory(directory);
        }
    }

    /** Makes renames and deletions in {@code directory} durable where the platform allows it. */
    static void syncDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            // Windows cannot open a directory as a channel; NTFS orders metadata updates itself.
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** A fresh temporary name beside {@code target}. */
    static Path temporarySibling(Path target) {
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        return target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(suffix)
                + TEMPORARY_SUFFIX);
    }

    static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMPORARY_SUFFIX);
    }

    /**
     * Deletes temporary files and directories left in {@code directory} by interrupted writers.
     * Only call it while holding the directory's {@link DirectoryLock}: then no writer is active.
     */
    static void removeTemporaries(Path directory) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (isTemporary(entry.getFileName().toString())) {
                    leftovers.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path leftover : leftovers) {
            deleteTree(leftover);
        }
    }

    /**
     * Removes a directory tree: it is first renamed to a temporary name (atomic), so a crash
     * midway leaves either the whole tree or a temporary that {@link #removeTemporaries} cleans.
     */
    static void removeTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Path aside = temporarySibling(directory);
        Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(directory.getParent());
        deleteTree(aside);
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                entries.forEach(children::add);
            }
            for (Path child : children) {
                deleteTree(child);
            }
        }
        Files.deleteIfExists(path);
    }
}
