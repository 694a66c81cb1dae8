package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.AuditReport;
import io.heavenbase.BackendException;
import io.heavenbase.HeavenBase;
import io.heavenbase.RepairReport;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.system.SystemEntities;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal without a server: three inmem backends that fail on demand ({@code main}, the home
 * and journal backend, then {@code vec} and {@code search}). {@code audit()} tells a torn row
 * (some parts hold the interrupted write, others do not) from a pending one (no part or every part
 * does), comparing canonical values (vectors, bytes, timestamps, JSON); a later write supersedes
 * the interrupted one, and {@code repair()} discards it instead of reverting the later write.
 */
class JournalAuditTest {

    private static final String ENTITY = "journal-item";
    private static final List<String> BACKENDS = List.of("main", "vec", "search");

    private final String run = "j" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private Workspace ws;
    private EntitySchema schema;

    @BeforeEach
    void open() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        for (String name : BACKENDS) {
            backends.put(name, Map.of("type", FaultyProvider.TYPE, FaultyProvider.FAULT_ID, faults(name)));
        }
        ws = HeavenBase.open("journal-" + run, backends);
        schema = ws.register(EntitySchema.builder(ENTITY)
                .field("title", "ShortText", f -> f.store("main"))
                .field("stamp", "Timestamp", f -> f.store("main"))
                .field("blob", "Artifact", f -> f.store("main"))
                .field("qty", "Integer", f -> f.store("vec"))
                .field("embedding", "Vector[3]", f -> f.store("vec"))
                .field("note", "LongText", f -> f.store("search"))
                .field("meta", "Json", f -> f.store("search"))
                .build());
    }

    @AfterEach
    void close() {
        BACKENDS.forEach(name -> Faults.clear(faults(name)));
        try {
            ws.drop();
        } finally {
            ws.close();
        }
    }

    @Test
    void givenUpsertStoppedAfterTheFirstPart_whenAudit_thenTornRowNamingWhereTheWriteIsMissing() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 2))).isInstanceOf(BackendException.class);

        AuditReport audit = ws.audit();

        assertThat(kinds(audit.issues())).containsExactly("r torn_row");
        AuditReport.Issue torn = audit.issues().get(0);
        assertThat(torn.backend()).isEqualTo("vec");
        assertThat(torn.detail()).contains("[main] hold its values").contains("[vec, search] do not");
        RepairReport repair = ws.repair();
        assertThat(kinds(repair.fixed())).containsExactly("r torn_row");
        assertStored(row("r", 2));
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenEveryPartWrittenButTheEntryLeftOpen_whenAudit_thenPendingWriteAsVectorsBytesAndTimesCompareByValue() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("main"), "delete");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 2))).isInstanceOf(BackendException.class);

        AuditReport audit = ws.audit();

        assertThat(kinds(audit.issues())).containsExactly("r pending_write");
        assertThat(audit.issues().get(0).detail()).contains("after every part was written");
        assertThat(kinds(ws.repair().fixed())).containsExactly("r pending_write");
        assertStored(row("r", 2));
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenNewRowWhoseWriteStoppedBeforeAnyPart_whenDeletedAndRepaired_thenItNeverAppears() {
        // The first upsert on main is the journal entry, the second the row's home part.
        Faults.failCall(faults("main"), "upsert", 2);
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 1))).isInstanceOf(BackendException.class);
        AuditReport audit = ws.audit();
        assertThat(kinds(audit.issues())).containsExactly("r pending_write");
        assertThat(audit.issues().get(0).detail()).contains("before any part was written");

        assertThat(ws.delete(ENTITY, "r")).as("nothing visible to delete").isFalse();

        assertThat(kinds(ws.audit().issues())).containsExactly("r superseded_write");
        assertThat(kinds(ws.repair().fixed())).containsExactly("r superseded_write");
        assertGoneEverywhere("r");
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenDeleteStoppedBeforeAnyPart_whenAudit_thenPendingWrite() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("vec"), "delete");
        assertThatThrownBy(() -> ws.delete(ENTITY, "r")).isInstanceOf(BackendException.class);

        assertThat(kinds(ws.audit().issues())).containsExactly("r pending_write");
        assertThat(kinds(ws.repair().fixed())).containsExactly("r pending_write");
        assertGoneEverywhere("r");
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenDeleteStoppedBetweenParts_whenAudit_thenTornRow() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("search"), "delete");
        assertThatThrownBy(() -> ws.delete(ENTITY, "r")).isInstanceOf(BackendException.class);

        AuditReport audit = ws.audit();

        assertThat(kinds(audit.issues())).containsExactly("r missing_part", "r torn_row");
        assertThat(kinds(ws.repair().fixed())).containsExactly("r torn_row");
        assertGoneEverywhere("r");
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenInterruptedUpsertAndALaterAcknowledgedOne_whenRepair_thenTheLaterOneStays() {
        ws.upsertMany(ENTITY, List.of(row("r", 1), row("s", 1)));
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsertMany(ENTITY, List.of(row("r", 2), row("s", 2))))
                .isInstanceOf(BackendException.class);
        ws.upsert(ENTITY, row("r", 3));

        assertThat(kinds(ws.audit().issues())).containsExactly("r superseded_write", "s torn_row");
        RepairReport repair = ws.repair();

        assertThat(kinds(repair.fixed())).containsExactly("r superseded_write", "s torn_row");
        assertThat(repair.unresolved()).isEmpty();
        assertStored(row("r", 3));
        assertStored(row("s", 2));
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenRepairInterruptedWhileReplaying_whenRepairedAgain_thenTheReplayCompletes() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 2))).isInstanceOf(BackendException.class);
        Faults.failNext(faults("search"), "upsert");
        assertThatThrownBy(() -> ws.repair()).isInstanceOf(BackendException.class);

        assertThat(kinds(ws.audit().issues())).as("the entry survives the failed replay").containsExactly("r torn_row");
        assertThat(kinds(ws.repair().fixed())).containsExactly("r torn_row");
        assertStored(row("r", 2));
        assertThat(ws.repair().fixed()).as("a second repair has nothing left").isEmpty();
        assertStored(row("r", 2));
    }

    @Test
    void givenEntryOfTheVersionWithoutSeqAndALaterAcknowledgedWrite_whenRepair_thenTheLaterWriteStays() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 2))).isInstanceOf(BackendException.class);
        ws.upsert(ENTITY, row("r", 3));
        asWrittenByTheVersionWithoutSeq();

        assertThat(kinds(ws.audit().issues())).containsExactly("r legacy_write");
        RepairReport repair = ws.repair();

        assertThat(kinds(repair.fixed())).containsExactly("r legacy_write");
        assertThat(repair.fixed().get(0).detail()).contains("without sequence numbers").contains("discards");
        assertStored(row("r", 3));
        assertThat(ws.audit().issues()).isEmpty();
        assertThat(journalRows()).as("entry gone").isEmpty();
    }

    @Test
    void givenEntryOfTheVersionWithoutSeqThatStoppedHalfWay_whenRepair_thenItIsReplayed() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 2))).isInstanceOf(BackendException.class);
        asWrittenByTheVersionWithoutSeq();

        assertThat(kinds(ws.audit().issues())).containsExactly("r torn_row");
        assertThat(kinds(ws.repair().fixed())).containsExactly("r torn_row");
        assertStored(row("r", 2));
    }

    @Test
    void givenDeleteOfTheVersionWithoutSeqAndALaterUpsert_whenRepair_thenTheRowStays() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("vec"), "delete");
        assertThatThrownBy(() -> ws.delete(ENTITY, "r")).isInstanceOf(BackendException.class);
        ws.upsert(ENTITY, row("r", 2));
        asWrittenByTheVersionWithoutSeq();

        assertThat(kinds(ws.repair().fixed())).containsExactly("r legacy_write");
        assertStored(row("r", 2));
        assertThat(ws.audit().issues()).isEmpty();
    }

    @Test
    void givenDeleteOfTheVersionWithoutSeqThatStoppedHalfWay_whenRepair_thenTheDeleteIsRepeated() {
        ws.upsert(ENTITY, row("r", 1));
        Faults.failNext(faults("search"), "delete");
        assertThatThrownBy(() -> ws.delete(ENTITY, "r")).isInstanceOf(BackendException.class);
        asWrittenByTheVersionWithoutSeq();

        assertThat(kinds(ws.repair().fixed())).containsExactly("r torn_row");
        assertGoneEverywhere("r");
    }

    @Test
    void givenEntryWhosePayloadNoLongerFitsTheSchema_whenAuditAndRepair_thenOnlyThatEntryIsUnresolved() {
        ws.upsertMany(ENTITY, List.of(row("r", 1), row("s", 1)));
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("r", 2))).isInstanceOf(BackendException.class);
        Faults.failNext(faults("vec"), "upsert");
        assertThatThrownBy(() -> ws.upsert(ENTITY, row("s", 2))).isInstanceOf(BackendException.class);
        Backend main = ws.backends().get("main");
        EntityLayout journal = journalLayout();
        for (Map.Entry<String, Map<String, Object>> entry : journalRows().entrySet()) {
            List<?> payload = (List<?>) entry.getValue().get("payload");
            Map<?, ?> encoded = (Map<?, ?>) payload.get(0);
            if ("r".equals(encoded.get("object_id"))) {
                Map<String, Object> changed = new LinkedHashMap<>(entry.getValue());
                Map<Object, Object> renamed = new LinkedHashMap<>(encoded);
                renamed.put("dropped_field", "from an older schema");
                changed.put("payload", List.of(renamed));
                changed.put("object_id", entry.getKey());
                main.upsert(journal, List.of(changed));
            }
        }

        assertThat(kinds(ws.audit().issues())).containsExactly("r unreplayable_write", "s torn_row");
        RepairReport repair = ws.repair();

        assertThat(kinds(repair.fixed())).containsExactly("s torn_row");
        assertThat(kinds(repair.unresolved())).containsExactly("r unreplayable_write");
        assertThat(repair.unresolved().get(0).detail()).contains("dropped_field");
        assertStored(row("s", 2));
        assertThat(journalRows()).as("the unreplayable entry stays").hasSize(1);
    }

    /** Rewrites the journal as the previous version left it: no sequence numbers, no supersession. */
    private void asWrittenByTheVersionWithoutSeq() {
        Backend main = ws.backends().get("main");
        EntityLayout journal = journalLayout();
        for (Map.Entry<String, Map<String, Object>> row : journalRows().entrySet()) {
            if (row.getValue().get("supersedes") != null) {
                main.delete(journal, List.of(row.getKey()));
            } else {
                Map<String, Object> old = new LinkedHashMap<>();
                old.put("object_id", row.getKey());
                for (String field : List.of("op", "entity", "ids", "payload")) {
                    old.put(field, row.getValue().get(field));
                }
                main.delete(journal, List.of(row.getKey()));
                main.upsert(journal, List.of(old));
            }
        }
        assertThat(journalRows()).isNotEmpty().allSatisfy((id, values) -> assertThat(values.get("seq")).isNull());
    }

    private Map<String, Map<String, Object>> journalRows() {
        Backend main = ws.backends().get("main");
        EntityLayout journal = journalLayout();
        return main.fetch(journal, main.ids(journal), journal.fieldNames());
    }

    private EntityLayout journalLayout() {
        return PlacementRules.of(Map.of("main", ws.backends().get("main"))).plan(SystemEntities.journal()).part("main");
    }

    private String faults(String backend) {
        return run + "-" + backend;
    }

    /** Version {@code v} of a row, with a differing value in every part. */
    private static Map<String, Object> row(String id, int v) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        row.put("title", "title v" + v);
        row.put("stamp", Instant.parse("2026-01-01T00:00:00.123Z").plusSeconds(v));
        row.put("blob", new byte[] {1, 2, (byte) v});
        row.put("qty", v);
        row.put("embedding", new float[] {0.1f * v, 1, -v});
        row.put("note", "note v" + v);
        row.put("meta", Map.of("version", v, "tags", List.of("a", "b" + v), "ratio", 0.5 * v));
        return row;
    }

    private void assertStored(Map<String, Object> expected) {
        String id = (String) expected.get("object_id");
        Optional<Row> row = ws.get(ENTITY, id);
        assertThat(row).as("row %s", id).isPresent();
        for (String field : schema.fieldNames()) {
            Object want = schema.field(field).dtype().normalize(expected.get(field), ENTITY, field);
            assertThat(Content.of(row.get().get(field))).as("%s of %s", field, id).isEqualTo(Content.of(want));
        }
    }

    private void assertGoneEverywhere(String id) {
        assertThat(ws.get(ENTITY, id)).isEmpty();
        for (String backend : BACKENDS) {
            assertThat(ws.backends().get(backend).ids(new EntityLayout(ENTITY, List.of())))
                    .as("ids on %s", backend).doesNotContain(id);
        }
    }

    /** "id kind" of every issue, sorted. */
    private static List<String> kinds(List<AuditReport.Issue> issues) {
        return issues.stream().map(issue -> issue.objectId() + " " + issue.kind()).sorted().toList();
    }
}
