package io.heavenbase.backend.lance;

import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} by {@link LanceWithoutAddOpensTest}:
 * opens a lance backend and, if that works, registers an entity, writes and reads a row, printing one line per step
 * ({@code step=ok} or {@code step=<exception class>|<message>}).
 */
public final class LanceWithoutAddOpensProbe {

    private static final EntityLayout NOTE = new EntityLayout("note",
            List.of(LanceFixtures.inline("title", "ShortText"), LanceFixtures.indexed("embedding", 2)));

    private LanceWithoutAddOpensProbe() {
    }

    public static void main(String[] args) {
        Path directory = LanceFixtures.temporaryDirectory();
        try {
            LanceBackend backend = step("open", () -> LanceFixtures.open(directory));
            if (backend == null) {
                return;
            }
            step("ensure", () -> {
                backend.ensure(NOTE);
                return true;
            });
            step("upsert", () -> {
                backend.upsert(NOTE, List.of(Map.of("object_id", "n1", "title", "kettle",
                        "embedding", new float[] {1f, 0f})));
                return true;
            });
            step("fetch", () -> {
                Object title = backend.fetch(NOTE, List.of("n1"), List.of("title")).get("n1").get("title");
                if (!"kettle".equals(title)) {
                    throw new IllegalStateException("read back " + title);
                }
                return title;
            });
            step("close", () -> {
                backend.close();
                return true;
            });
        } finally {
            LanceFixtures.removeTree(directory);
        }
    }

    private interface Step<T> {
        T run();
    }

    private static <T> T step(String name, Step<T> step) {
        try {
            T result = step.run();
            System.out.println(name + "=ok");
            return result;
        } catch (RuntimeException | LinkageError e) {
            System.out.println(name + "=" + e.getClass().getName() + "|" + String.valueOf(e.getMessage()).replace('\n', ' '));
            return null;
        }
    }
}
