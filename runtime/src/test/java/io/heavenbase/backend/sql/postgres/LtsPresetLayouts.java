package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.elasticsearch.TestBackends;
import io.heavenbase.backend.lance.LanceFixtures;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three-backend arrangements of the {@code local-lts} and {@code web-lts} presets on real
 * servers: postgres {@code main}, a vector backend {@code vec} and elasticsearch {@code search}.
 * Like the presets, the vector and the LongText body are left to the placement rules (the vector
 * goes to {@code vec}, the body to {@code main} with a searchable copy on {@code search}); the
 * numeric, categorical and date fields sit next to the vector and the summary on {@code search}, so
 * filters, ordering, near and match span all three backends. All three stores outlive a workspace
 * instance, so the reopen tests run too.
 */
final class LtsPresetLayouts {

    private LtsPresetLayouts() {
    }

    /** Like {@code local-lts}: postgres {@code main}, lance {@code vec}, elasticsearch {@code search}. */
    static ConformanceLayout localLtsLike() {
        String mainSchema = PostgresTestServers.freshSchema();
        Map<String, Object> main = PostgresTestServers.POSTGRES.config(mainSchema);
        Path lance = LanceFixtures.temporaryDirectory();
        Map<String, Object> search = TestBackends.config();
        return layout("postgres+lance+elasticsearch", main, LanceFixtures.config(lance), search, List.of(
                () -> PostgresTestServers.POSTGRES.dropSchema(mainSchema),
                () -> LanceFixtures.removeTree(lance),
                TestBackends.deleteIndexes(search)));
    }

    /** Like {@code web-lts}: postgres {@code main}, pgvector {@code vec}, elasticsearch {@code search}. */
    static ConformanceLayout webLtsLikeWithSearch() {
        String mainSchema = PostgresTestServers.freshSchema();
        String vecSchema = PostgresTestServers.freshSchema();
        Map<String, Object> main = PostgresTestServers.POSTGRES.config(mainSchema);
        Map<String, Object> vec = PostgresTestServers.PGVECTOR.config(vecSchema);
        Map<String, Object> search = TestBackends.config();
        return layout("postgres+pgvector+elasticsearch", main, vec, search, List.of(
                () -> PostgresTestServers.POSTGRES.dropSchema(mainSchema),
                () -> PostgresTestServers.PGVECTOR.dropSchema(vecSchema),
                TestBackends.deleteIndexes(search)));
    }

    private static ConformanceLayout layout(String name, Map<String, Object> main, Map<String, Object> vec,
            Map<String, Object> search, List<Runnable> cleanups) {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", main);
        backends.put("vec", vec);
        backends.put("search", search);
        return new ConformanceLayout(name, backends, Map.of(
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.PRICE, "vec",
                ConformanceEntity.COLOR, "vec",
                ConformanceEntity.DAY, "vec",
                ConformanceEntity.SUMMARY, "search",
                ConformanceEntity.TAGS, "main",
                ConformanceEntity.SIZES, "main"), () -> runAll(cleanups, 0)).persistentStores();
    }

    /** Runs every cleanup even when an earlier one fails; the first failure is rethrown. */
    private static void runAll(List<Runnable> cleanups, int from) {
        if (from == cleanups.size()) {
            return;
        }
        try {
            cleanups.get(from).run();
        } finally {
            runAll(cleanups, from + 1);
        }
    }
}
