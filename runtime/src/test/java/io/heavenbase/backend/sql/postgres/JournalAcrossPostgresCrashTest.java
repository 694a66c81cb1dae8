package io.heavenbase.backend.sql.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heavenbase.AuditReport;
import io.heavenbase.BackendException;
import io.heavenbase.HeavenBase;
import io.heavenbase.RepairReport;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's reproduction against a real PostgreSQL that the test crashes (SIGKILL) and restarts:
 * an entity split over two SQLite files ({@code main}, the home and journal backend, and
 * {@code aux}) and PostgreSQL ({@code pg}). A write interrupted by the crash stops between its
 * parts; after the restart, later writes succeed. {@code repair()} must keep every acknowledged
 * write with its latest value, discard the superseded journal entries and report them, and leave
 * {@code audit()} empty.
 */
class JournalAcrossPostgresCrashTest {

    private static final String ENTITY = "crash-item";
    private static CrashablePostgres server;

    @TempDir
    Path dir;

    private final String schema = PostgresTestServers.freshSchema();
    private final List<Workspace> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = CrashablePostgres.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void serverRuns() {
        server.ensureRunning();
    }

    @AfterEach
    void closeWorkspaces() {
        for (Workspace ws : opened) {
            ws.close();
        }
    }

    @Test
    void givenUpsertInterruptedByCrash_whenALaterUpsertSucceeded_thenRepairKeepsTheLaterWrite() {
        Workspace ws = open();
        ws.upsertMany(ENTITY, List.of(row("x", 1), row("y", 1)));
        server.crash();

        BackendException failure = catchThrowableOfType(BackendException.class,
                () -> ws.upsertMany(ENTITY, List.of(row("x", 2), row("y", 2))));
        assertThat(failure).as("the write that met the crashed server").isNotNull();
        assertThat(failure.backend()).isEqualTo("pg");
        server.restart();
        ws.upsert(ENTITY, row("x", 3));

        AuditReport before = ws.audit();
        assertThat(kinds(before)).containsExactly("x superseded_write", "y torn_row");
        assertThat(issue(before, "y", "torn_row").backend()).isEqualTo("pg");

        RepairReport repair = ws.repair();

        assertThat(repair.unresolved()).isEmpty();
        assertThat(kinds(repair.fixed())).containsExactly("x superseded_write",
                "y torn_row");
        assertThat(issue(repair.fixed(), "x", "superseded_write").detail()).contains("journal entry")
                .contains("superseded");
        assertStored(ws, "x", 3);
        assertStored(ws, "y", 2);
        assertThat(ws.audit().issues()).isEmpty();
        RepairReport again = ws.repair();
        assertThat(again.fixed()).isEmpty();
        assertStored(ws, "x", 3);
    }

    @Test
    void givenDeleteInterruptedByCrash_whenRepair_thenTheRowStaysDeleted() {
        Workspace ws = open();
        ws.upsertMany(ENTITY, List.of(row("x", 1), row("keep", 1)));
        server.crash();

        BackendException failure = catchThrowableOfType(BackendException.class, () -> ws.delete(ENTITY, "x"));
        assertThat(failure).isNotNull();
        assertThat(failure.backend()).isEqualTo("pg");
        server.restart();

        AuditReport before = ws.audit();
        assertThat(kinds(before)).contains("x torn_row");
        assertThat(issue(before, "x", "torn_row").detail()).contains("[aux] are deleted");

        RepairReport repair = ws.repair();

        assertThat(repair.unresolved()).isEmpty();
        assertThat(kinds(repair.fixed())).contains("x torn_row");
        assertGoneEverywhere(ws, "x");
        assertStored(ws, "keep", 1);
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenDeleteInterruptedByCrash_whenALaterUpsertSucceeded_thenRepairKeepsTheUpsert() {
        Workspace ws = open();
        ws.upsert(ENTITY, row("x", 1));
        server.crash();
        assertThat(catchThrowableOfType(BackendException.class, () -> ws.delete(ENTITY, "x"))).isNotNull();
        server.restart();

        ws.upsert(ENTITY, row("x", 3));
        assertThat(kinds(ws.audit())).containsExactly("x superseded_write");
        RepairReport repair = ws.repair();

        assertThat(kinds(repair.fixed())).containsExactly("x superseded_write");
        assertThat(issue(repair.fixed(), "x", "superseded_write").detail()).startsWith("delete of journal entry");
        assertStored(ws, "x", 3);
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenUpsertInterruptedByCrash_whenALaterDeleteSucceeded_thenRepairKeepsItDeleted() {
        Workspace ws = open();
        ws.upsert(ENTITY, row("x", 1));
        server.crash();
        assertThat(catchThrowableOfType(BackendException.class, () -> ws.upsert(ENTITY, row("x", 2)))).isNotNull();
        server.restart();

        assertThat(ws.delete(ENTITY, "x")).isTrue();
        assertThat(kinds(ws.audit())).containsExactly("x superseded_write");
        RepairReport repair = ws.repair();

        assertThat(kinds(repair.fixed())).containsExactly("x superseded_write");
        assertGoneEverywhere(ws, "x");
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenTwoInstancesWritingTheSameIdsAlternately_whenBothMetTheCrash_thenRepairKeepsEveryLatestWrite() {
        Workspace first = open();
        Workspace second = open();
        first.upsertMany(ENTITY, List.of(row("x", 1), row("y", 1), row("z", 1)));
        second.upsertMany(ENTITY, List.of(row("x", 2), row("y", 2), row("z", 2)));
        server.crash();
        assertThat(catchThrowableOfType(BackendException.class,
                () -> first.upsertMany(ENTITY, List.of(row("x", 3), row("y", 3), row("z", 3))))).isNotNull();
        assertThat(catchThrowableOfType(BackendException.class,
                () -> second.upsertMany(ENTITY, List.of(row("x", 4), row("w", 4))))).isNotNull();
        server.restart();
        first.upsert(ENTITY, row("y", 5));
        second.upsert(ENTITY, row("x", 6));

        assertThat(kinds(first.audit())).containsExactly("w missing_part", "w torn_row", "x superseded_write",
                "x superseded_write", "y superseded_write", "z torn_row");
        RepairReport repair = second.repair();

        assertThat(repair.unresolved()).isEmpty();
        assertThat(kinds(repair.fixed())).containsExactly("w torn_row", "x superseded_write", "x superseded_write",
                "y superseded_write", "z torn_row");
        first.refresh();
        for (Workspace ws : List.of(first, second)) {
            assertStored(ws, "x", 6);
            assertStored(ws, "y", 5);
            assertStored(ws, "z", 3);
            assertStored(ws, "w", 4);
            assertThat(ws.audit().issues()).isEmpty();
        }
    }

    private Workspace open() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", dir.resolve("main.db").toString()));
        backends.put("aux", Map.of("type", "sqlite", "database", dir.resolve("aux.db").toString()));
        // One connection: the one a crash breaks is dropped, the next write opens a fresh one.
        backends.put("pg", Map.of("type", "postgres", "url", server.url(), "schema", schema, "pool-size", 1));
        Workspace ws = HeavenBase.open("journal-crash", backends);
        opened.add(ws);
        ws.register(EntitySchema.builder(ENTITY)
                .field("title", "ShortText", f -> f.store("main"))
                .field("note", "ShortText", f -> f.store("aux"))
                .field("qty", "Integer", f -> f.store("pg"))
                .build());
        return ws;
    }

    /** Version {@code v} of a row: every part carries the version, so a torn row shows. */
    private static Map<String, Object> row(String id, int v) {
        return Map.of("object_id", id, "title", "title v" + v, "note", "note v" + v, "qty", v);
    }

    private static void assertStored(Workspace ws, String id, int v) {
        Optional<Row> row = ws.get(ENTITY, id);
        assertThat(row).as("row %s", id).isPresent();
        assertThat(row.get().getString("title")).as("title of %s", id).isEqualTo("title v" + v);
        assertThat(row.get().getString("note")).as("note of %s", id).isEqualTo("note v" + v);
        assertThat(row.get().get("qty")).as("qty of %s", id).isEqualTo((long) v);
    }

    private static void assertGoneEverywhere(Workspace ws, String id) {
        assertThat(ws.get(ENTITY, id)).isEmpty();
        for (String backend : ws.backends().names()) {
            assertThat(ws.backends().get(backend).ids(new EntityLayout(ENTITY, List.of())))
                    .as("ids on %s", backend).doesNotContain(id);
        }
    }

    /** "id kind" of every issue, sorted. */
    private static List<String> kinds(AuditReport report) {
        return kinds(report.issues());
    }

    private static List<String> kinds(List<AuditReport.Issue> issues) {
        return issues.stream().map(issue -> issue.objectId() + " " + issue.kind()).sorted().toList();
    }

    private static AuditReport.Issue issue(AuditReport report, String id, String kind) {
        return issue(report.issues(), id, kind);
    }

    private static AuditReport.Issue issue(List<AuditReport.Issue> issues, String id, String kind) {
        return issues.stream().filter(i -> id.equals(i.objectId()) && kind.equals(i.kind())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + id + " in " + issues));
    }
}
