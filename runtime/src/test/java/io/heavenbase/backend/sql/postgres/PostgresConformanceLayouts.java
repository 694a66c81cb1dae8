package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/** The conformance arrangements of the postgres and pgvector backends, each in fresh schemas. */
final class PostgresConformanceLayouts {

    private PostgresConformanceLayouts() {
    }

    /** One backend {@code main} on {@code server} holding everything; it outlives a workspace instance. */
    static ConformanceLayout alone(PostgresTestServers server) {
        String schema = PostgresTestServers.freshSchema();
        return new ConformanceLayout(server.type(), Map.of("main", server.config(schema)), Map.of(),
                () -> server.dropSchema(schema)).persistentStores().listingStructures(() -> server.tables(schema));
    }

    /**
     * postgres {@code main} with inmem {@code vec} and {@code search}: the vector and some scalars on
     * vec, two text fields on search, the rest (arrays, other text, Json, HyperG, Artifact) on main.
     */
    static ConformanceLayout postgresMainOfSplit() {
        PostgresTestServers server = PostgresTestServers.POSTGRES;
        String schema = PostgresTestServers.freshSchema();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", server.config(schema));
        backends.put("vec", Map.of("type", "inmem"));
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout("postgres+inmem+inmem", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.ACTIVE, "vec",
                ConformanceEntity.CREATED, "vec",
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.TAGS, "main"), () -> server.dropSchema(schema));
    }

    /**
     * Like the {@code web-lts} preset with inmem standing in for elasticsearch: postgres {@code main},
     * pgvector {@code vec} (the vector and the numeric, categorical and time fields, so near meets
     * filters next to it and on the other backends) and inmem {@code search} for two text fields.
     */
    static ConformanceLayout webLtsLike() {
        String mainSchema = PostgresTestServers.freshSchema();
        String vecSchema = PostgresTestServers.freshSchema();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", PostgresTestServers.POSTGRES.config(mainSchema));
        backends.put("vec", PostgresTestServers.PGVECTOR.config(vecSchema));
        backends.put("search", Map.of("type", "inmem"));
        return new ConformanceLayout("postgres+pgvector+inmem", backends, Map.of(
                ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec",
                ConformanceEntity.PRICE, "vec",
                ConformanceEntity.COLOR, "vec",
                ConformanceEntity.DAY, "vec",
                ConformanceEntity.TITLE, "search",
                ConformanceEntity.BODY, "search",
                ConformanceEntity.TAGS, "main",
                ConformanceEntity.SIZES, "main"), () -> {
                    try {
                        PostgresTestServers.POSTGRES.dropSchema(mainSchema);
                    } finally {
                        PostgresTestServers.PGVECTOR.dropSchema(vecSchema);
                    }
                });
    }
}
