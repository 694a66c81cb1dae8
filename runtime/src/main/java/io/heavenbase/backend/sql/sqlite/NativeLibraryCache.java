package io.heavenbase.backend.sql.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * One native library copied out of the classpath into a stable directory, so that later JVMs load the
 * copy instead of extracting their own. Next to the copy, a check file records the size and CRC-32 of
 * what was extracted; a copy that does not match it (truncated, overwritten, half-written by a crashed
 * process) is never handed out but extracted again. Copies are written to a temporary file and renamed
 * into place, so concurrent JVMs never see a partial file under the final name.
 */
final class NativeLibraryCache {

    /** Where the library bytes come from when the copy must be (re)written. */
    interface Source {
        /** The library resource; null when there is none for this platform. */
        URL resource() throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    private final Path library;
    private final Path check;

    /** {@code directory}: created when missing; {@code fileName}: the library's file name in it. */
    NativeLibraryCache(Path directory, String fileName) {
        this.library = directory.resolve(fileName);
        this.check = directory.resolve(fileName + ".check");
    }

    /** The path of the verified copy, extracting it from {@code source} first when it is missing or not intact. */
    Path install(Source source) throws IOException {
        if (isIntact()) {
            return library;
        }
        URL resource = source.resource();
        if (resource == null) {
            throw new IOException("no native library resource to copy to " + library);
        }
        extract(resource);
        return library;
    }

    /** Whether the copy exists and has the size and checksum its check file records. */
    boolean isIntact() throws IOException {
        if (!Files.isRegularFile(library) || !Files.isRegularFile(check)) {
            return false;
        }
        Fingerprint expected = Fingerprint.parse(Files.readString(check, StandardCharsets.US_ASCII));
        return expected != null && Files.size(library) == expected.size && expected.equals(Fingerprint.of(library));
    }

    private void extract(URL resource) throws IOException {
        Files.createDirectories(library.getParent());
        Path partial = Files.createTempFile(library.getParent(), library.getFileName().toString(), ".part");
        try {
            Fingerprint copied = copy(resource, partial);
            if (!copied.equals(Fingerprint.of(partial))) {
                throw new IOException("the copy of " + resource + " at " + partial + " does not match the original");
            }
            partial.toFile().setExecutable(true);
            moveIntoPlace(partial, library);
            Path partialCheck = Files.createTempFile(check.getParent(), check.getFileName().toString(), ".part");
            Files.writeString(partialCheck, copied.toString(), StandardCharsets.US_ASCII);
            moveIntoPlace(partialCheck, check);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static Fingerprint copy(URL resource, Path target) throws IOException {
        URLConnection connection = resource.openConnection();
        // A cached jar connection would keep the application's jar open after the copy.
        connection.setUseCaches(false);
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                crc.update(buffer, 0, read);
                size += read;
            }
        }
        return new Fingerprint(size, crc.getValue());
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Size and CRC-32 of a file's bytes. */
    private static final class Fingerprint {

        final long size;
        final long crc;

        Fingerprint(long size, long crc) {
            this.size = size;
            this.crc = crc;
        }

        static Fingerprint of(Path file) throws IOException {
            CRC32 crc = new CRC32();
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    crc.update(buffer, 0, read);
                    size += read;
                }
            }
            return new Fingerprint(size, crc.getValue());
        }

        /** The fingerprint written by {@link #toString()}; null for anything else. */
        static Fingerprint parse(String text) {
            String[] parts = text.trim().split(" ");
            if (parts.length != 2) {
                return null;
            }
            try {
                return new Fingerprint(Long.parseLong(parts[0]), Long.parseLong(parts[1], 16));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fingerprint && ((Fingerprint) other).size == size
                    && ((Fingerprint) other).crc == crc;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size * 31 + crc);
        }

        @Override
        public String toString() {
            return size + " " + Long.toHexString(crc);
        }
    }
}
