package io.heavenbase.backend.file;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for the crash and multi-process tests, writing {@link FileBackends#versioned()} rows.
 *
 * <ul>
 * <li>{@code loop <type> <dir> <rows> <firstVersion>}: writes all rows {@code doc-0..} with version
 * {@code firstVersion}, prints {@code ready}, then rewrites them with the next version forever
 * (until killed).</li>
 * <li>{@code batches <type> <dir> <idPrefix> <rows> <batchSize>}: writes rows {@code idPrefix0..} in
 * batches, then prints {@code done} and exits.</li>
 * </ul>
 */
public final class WriterProcess {

    private WriterProcess() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        String type = args[1];
        Path directory = Path.of(args[2]);
        EntityLayout layout = FileBackends.versioned();
        try (Backend backend = FileBackends.open(type, directory)) {
            backend.ensure(layout);
            if (mode.equals("loop")) {
                loop(backend, layout, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            } else {
                batches(backend, layout, args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            }
        }
    }

    /** A row whose every field tells its version, so a torn row is detectable. */
    static Map<String, Object> row(String id, long version) {
        return Map.of("object_id", id, "title", id + "@v" + version, "version", version, "payload",
                payload(id, version));
    }

    static byte[] payload(String id, long version) {
        return (id + "#" + version).repeat(8).getBytes();
    }

    private static void loop(Backend backend, EntityLayout layout, int rows, int firstVersion) {
        for (long version = firstVersion; ; version++) {
            List<Map<String, Object>> batch = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                batch.add(row("doc-" + i, version));
            }
            backend.upsert(layout, batch);
            if (version == firstVersion) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    private static void batches(Backend backend, EntityLayout layout, String prefix, int rows, int batchSize) {
        for (int start = 0; start < rows; start += batchSize) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(rows, start + batchSize); i++) {
                batch.add(row(prefix + i, 1));
            }
            backend.upsert(layout, batch);
        }
        System.out.println("done");
    }
}
