package io.heavenbase.backend.sql.mysql;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application instance for {@link MysqlTwoProcessesTest}: prints {@code ready}, waits for
 * {@code go} on stdin, then opens the shared workspace, registers the entities, writes its own
 * rows, rewrites {@value #SHARED} rows the other instance rewrites too (five times, racing it), and
 * waits until it sees the other instance's committed rows (found by exact equality and by match),
 * printing {@code saw-other}. Exits 0 on success, 1 on any failure or after 60 s.
 * Arguments: url, table prefix, workspace id, own name, other's name, rows per instance.
 */
public final class MysqlApplicationProcess {

    /** Rows both instances write. */
    static final int SHARED = 10;

    private MysqlApplicationProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String prefix = args[1];
        String workspaceId = args[2];
        String self = args[3];
        String other = args[4];
        int rows = Integer.parseInt(args[5]);
        System.out.println("ready");
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(stdin.readLine())) {
            System.exit(1);
        }
        try (Workspace workspace = HeavenBase.open(workspaceId,
                Map.of("main", Map.of("type", "mysql", "url", url, "prefix", prefix)))) {
            EntitySchema article = workspace.register(MysqlTwoProcessesTest.article());
            workspace.register(MysqlTwoProcessesTest.author());
            List<Map<String, Object>> mine = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                mine.add(Map.of("object_id", self + "-" + i, "title", self, "body", "written by " + self,
                        "tags", List.of(self, "shared")));
            }
            workspace.upsertMany(article, mine);
            for (int round = 0; round < 5; round++) {
                List<Map<String, Object>> shared = new ArrayList<>();
                for (int i = 0; i < SHARED; i++) {
                    shared.add(Map.of("object_id", "shared-" + i, "title", self, "body", "last written by " + self,
                            "tags", List.of(self, "round" + round)));
                }
                workspace.upsertMany(article, shared);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (workspace.query(article).where(Filter.eq("title", other)).count() < rows
                    || workspace.query(article).where(Filter.match("body", other)).count() < rows) {
                if (System.currentTimeMillis() > deadline) {
                    System.err.println(self + " never saw the rows of " + other);
                    System.exit(1);
                }
                Thread.sleep(100);
            }
            System.out.println("saw-other");
        }
        System.exit(0);
    }
}
