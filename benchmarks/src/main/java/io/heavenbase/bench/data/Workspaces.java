package io.heavenbase.bench.data;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.nio.file.Path;
import java.util.Map;

/** The benchmark workspaces: named {@code bench}, one backend named {@code main} (or several, by name). */
public final class Workspaces {

    private Workspaces() {
    }

    public static Workspace open(Map<String, Object> main) {
        return HeavenBase.open("bench", Map.of("main", main));
    }

    /**
     * A workspace on {@code main} where the table of {@code schema} was just dropped (with the rows of
     * an earlier operation or run); register the schema to create it empty.
     */
    public static Workspace fresh(Map<String, Object> main, EntitySchema schema) {
        drop(main, schema);
        return open(main);
    }

    /** Drops the table of {@code schema} on {@code main}, and the workspace's system tables' rows. */
    public static void drop(Map<String, Object> main, EntitySchema schema) {
        try (Workspace old = open(main)) {
            // A workspace drops only the entities registered in it, not those of earlier sessions.
            old.register(schema);
            old.drop();
        }
    }

    /**
     * A workspace on the named {@code backends} where the parts of {@code schema} were just dropped (with the rows
     * of an earlier run); register the schema to create them empty.
     */
    public static Workspace freshAll(Map<String, Map<String, Object>> backends, EntitySchema schema) {
        try (Workspace old = HeavenBase.open("bench", backends)) {
            old.register(schema);
            old.drop();
        }
        return HeavenBase.open("bench", backends);
    }

    /** The postgres backend on {@code HEAVENBASE_TEST_POSTGRES_URL}, tables under {@code prefix}. */
    public static Map<String, Object> postgres(String prefix) {
        return Map.of("type", "postgres", "url", Services.postgresUrl(), "prefix", prefix);
    }

    /** The mysql backend on {@code HEAVENBASE_TEST_MYSQL_URL}, tables under {@code prefix}. */
    public static Map<String, Object> mysql(String prefix) {
        return Map.of("type", "mysql", "url", Services.mysqlUrl(), "prefix", prefix);
    }

    /** The sqlite backend on a database file. */
    public static Map<String, Object> sqlite(Path database) {
        return Map.of("type", "sqlite", "database", database.toString());
    }

    /** The duckdb backend on a new in-memory database. */
    public static Map<String, Object> duckdbInMemory() {
        return Map.of("type", "duckdb");
    }
}
