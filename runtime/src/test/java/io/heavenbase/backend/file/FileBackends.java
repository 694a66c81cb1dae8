package io.heavenbase.backend.file;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Opens the three file backends by type key, as a workspace would, and shared test layouts. */
final class FileBackends {

    static final List<String> TYPES = List.of("json", "pickle", "file");

    private FileBackends() {
    }

    static BackendProvider provider(String type) {
        switch (type) {
            case "json":
                return new JsonProvider();
            case "pickle":
                return new PickleProvider();
            case "file":
                return new FileProvider();
            default:
                throw new IllegalArgumentException(type);
        }
    }

    static Backend open(String type, Path directory) {
        return provider(type).open(new BackendConfig("files", Map.of("type", type, "path", directory.toString())));
    }

    static StoredField field(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    /** An entity part with a title and a version, as the concurrency tests write it. */
    static EntityLayout versioned() {
        return new EntityLayout("doc", List.of(field("title", "ShortText"), field("version", "Integer"),
                field("payload", "Artifact")));
    }

    /** Every regular file under {@code root}, relative to it, sorted. */
    static List<String> filesUnder(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> out.add(root.relativize(file).toString()));
        }
        out.sort(null);
        return out;
    }
}
