package io.heavenbase.backend.lance;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Temporary lance directories and backends for the tests; public so layouts in other packages can
 * put lance next to their backends.
 */
public final class LanceFixtures {

    private LanceFixtures() {
    }

    /**
     * A fresh directory, in memory ({@code /dev/shm}) where there is one: the tests check semantics,
     * not durability, and the disk is shared with other builds.
     */
    public static Path temporaryDirectory() {
        Path memory = Path.of("/dev/shm");
        try {
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "hb-lance-")
                    : Files.createTempDirectory("hb-lance-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lance backend configuration on {@code directory}, plus {@code extra} key-value pairs. */
    public static Map<String, Object> config(Path directory, Object... extra) {
        Map<String, Object> config = new HashMap<>();
        config.put("type", "lance");
        config.put("path", directory.toString());
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    static LanceBackend open(Path directory, Object... extra) {
        return (LanceBackend) new LanceProvider().open(new BackendConfig("vec", config(directory, extra)));
    }

    static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    static StoredField indexed(String name, int dimension) {
        return new StoredField(name, DType.vector(dimension), Strategy.VECTOR_INDEX);
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    public static void removeTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
