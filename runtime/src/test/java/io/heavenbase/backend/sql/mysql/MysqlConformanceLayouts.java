package io.heavenbase.backend.sql.mysql;

import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/** The conformance arrangements of the mysql and oceanbase backends, each under a fresh table prefix. */
final class MysqlConformanceLayouts {

    private MysqlConformanceLayouts() {
    }

    /** One backend {@code main} of {@code type} connecting by URL (its own pool); the data outlives a workspace. */
    static ConformanceLayout aloneByUrl(String type) {
        String prefix = MysqlTestServer.freshPrefix();
        return new ConformanceLayout(type, Map.of("main", MysqlTestServer.urlConfig(type, prefix)), Map.of(),
                () -> MysqlTestServer.dropTables(prefix)).persistentStores()
                .listingStructures(() -> MysqlTestServer.tables(prefix));
    }

    /** One backend {@code main} of {@code type} on the shared test DataSource; the data outlives a workspace. */
    static ConformanceLayout aloneByDataSource(String type) {
        String prefix = MysqlTestServer.freshPrefix();
        return new ConformanceLayout(type + "-datasource", Map.of("main",
                MysqlTestServer.dataSourceConfig(type, prefix)), Map.of(),
                () -> MysqlTestServer.dropTables(prefix)).persistentStores();
    }

    /**
     * {@code main} of {@code type} beside inmem {@code vec} and inmem {@code search}, like the
     * {@code debug} preset: text on search, the vector and qty on vec, arrays and the rest on main.
     */
    static ConformanceLayout mainOfSplit(String type) {
        String prefix = MysqlTestServer.freshPrefix();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", MysqlTestServer.dataSourceConfig(type, prefix));
        backends.put("vec", Map.of("type", "inmem"));
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout(type + "-split", backends, Map.of(
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.SUMMARY, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.TAGS, "main",
                ConformanceEntity.SIZES, "main"), () -> MysqlTestServer.dropTables(prefix));
    }
}
