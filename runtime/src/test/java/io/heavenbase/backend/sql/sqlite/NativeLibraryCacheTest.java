package io.heavenbase.backend.sql.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {

    @TempDir
    Path temp;

    private byte[] original;
    private Path cacheDirectory;
    private final AtomicInteger extractions = new AtomicInteger();
    private NativeLibraryCache.Source source;

    @BeforeEach
    void library() throws IOException {
        original = new byte[300_000];
        new Random(7).nextBytes(original);
        Path resource = Files.write(temp.resolve("libnative.so"), original);
        URL url = resource.toUri().toURL();
        source = () -> {
            extractions.incrementAndGet();
            return url;
        };
        cacheDirectory = temp.resolve("cache").resolve("v1");
    }

    @Test
    void extractsOnceAndReusesTheSameFileAfterwards() throws IOException {
        Path first = new NativeLibraryCache(cacheDirectory, "libnative.so").install(source);
        assertThat(first).isEqualTo(cacheDirectory.resolve("libnative.so"));
        assertThat(Files.readAllBytes(first)).isEqualTo(original);
        FileTime written = Files.getLastModifiedTime(first);
        Files.setLastModifiedTime(first, FileTime.fromMillis(written.toMillis() - 60_000));

        Path second = new NativeLibraryCache(cacheDirectory, "libnative.so").install(source);

        assertThat(second).isEqualTo(first);
        assertThat(extractions).hasValue(1);
        assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(written.toMillis() - 60_000);
        try (var files = Files.list(cacheDirectory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("libnative.so", "libnative.so.check");
        }
    }

    @Test
    void replacesATruncatedCopy() throws IOException {
        NativeLibraryCache cache = new NativeLibraryCache(cacheDirectory, "libnative.so");
        Path library = cache.install(source);
        Files.write(library, java.util.Arrays.copyOf(original, 1000));
        assertThat(cache.isIntact()).isFalse();

        assertThat(cache.install(source)).isEqualTo(library);

        assertThat(extractions).hasValue(2);
        assertThat(Files.readAllBytes(library)).isEqualTo(original);
        assertThat(cache.isIntact()).isTrue();
    }

    @Test
    void replacesACorruptedCopyOfTheSameSize() throws IOException {
        NativeLibraryCache cache = new NativeLibraryCache(cacheDirectory, "libnative.so");
        Path library = cache.install(source);
        byte[] corrupted = original.clone();
        corrupted[150_000] ^= 0x40;
        Files.write(library, corrupted);
        assertThat(cache.isIntact()).isFalse();

        cache.install(source);

        assertThat(extractions).hasValue(2);
        assertThat(Files.readAllBytes(library)).isEqualTo(original);
    }

    @Test
    void replacesACopyWithoutAReadableCheckFile() throws IOException {
        NativeLibraryCache cache = new NativeLibraryCache(cacheDirectory, "libnative.so");
        cache.install(source);
        Files.delete(cacheDirectory.resolve("libnative.so.check"));
        assertThat(cache.isIntact()).isFalse();
        cache.install(source);
        Files.writeString(cacheDirectory.resolve("libnative.so.check"), "not a fingerprint");
        assertThat(cache.isIntact()).isFalse();
        cache.install(source);

        assertThat(extractions).hasValue(3);
        assertThat(cache.isIntact()).isTrue();
    }

    @Test
    void failsWithoutWritingWhenThereIsNoResource() {
        NativeLibraryCache cache = new NativeLibraryCache(cacheDirectory, "libnative.so");

        assertThatThrownBy(() -> cache.install(() -> null)).isInstanceOf(IOException.class)
                .hasMessageContaining("no native library resource");
        assertThat(cacheDirectory.resolve("libnative.so")).doesNotExist();
    }
}
