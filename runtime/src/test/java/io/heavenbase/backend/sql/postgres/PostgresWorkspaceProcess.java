package io.heavenbase.backend.sql.postgres;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One application instance of {@link PostgresTwoProcessesTest}, run in its own JVM. Arguments: JDBC
 * URL, schema, a name for its rows. It prints {@code ready}, waits for {@code go} on stdin, opens the
 * shared workspace, registers the test entities, writes {@value #ROWS} notes named after itself and
 * prints {@code written}; on {@code read} it prints {@code ids } and every note id it sees, then exits.
 */
public final class PostgresWorkspaceProcess {

    static final String WORKSPACE = "shared";
    static final int ROWS = 25;

    private PostgresWorkspaceProcess() {
    }

    /** The entities both instances register. */
    static List<EntitySchema> entities() {
        return List.of(EntitySchema.builder("note").field("title", "ShortText").field("body", "LongText")
                        .field("labels", "Array[ShortText]").field("stars", "Integer").build(),
                EntitySchema.builder("author").field("title", "ShortText").field("born", "Date").build());
    }

    static Map<String, Object> backend(String url, String schema) {
        return Map.of("type", "postgres", "url", url, "schema", schema, "pool-size", 2);
    }

    public static void main(String[] args) throws IOException {
        String url = args[0];
        String schema = args[1];
        String name = args[2];
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        expect(input, "go");
        try (Workspace ws = HeavenBase.open(WORKSPACE, Map.of("main", backend(url, schema)))) {
            EntitySchema note = null;
            for (EntitySchema entity : entities()) {
                EntitySchema registered = ws.register(entity);
                note = note == null ? registered : note;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                rows.add(Map.of("object_id", name + "-" + i, "title", name + " note " + i, "body", "written by " + name,
                        "labels", List.of(name), "stars", i));
            }
            ws.upsertMany(note, rows);
            System.out.println("written");
            System.out.flush();
            expect(input, "read");
            System.out.println("ids " + String.join(",", new TreeSet<>(ws.query(note).execute().ids())));
            System.out.flush();
        }
    }

    private static void expect(BufferedReader input, String line) throws IOException {
        String read = input.readLine();
        if (!line.equals(read)) {
            throw new IllegalStateException("expected '" + line + "' on stdin, got '" + read + "'");
        }
    }
}
