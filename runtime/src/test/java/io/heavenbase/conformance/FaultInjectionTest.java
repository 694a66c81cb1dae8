package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heavenbase.AuditReport;
import io.heavenbase.BackendException;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Plan;
import io.heavenbase.RepairReport;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.spi.EntityLayout;
import java.util.ArrayList;
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
 * A backend that fails in the middle of a multi-backend operation: the caller gets a
 * {@link BackendException} naming it, {@code audit()} reports the half-done write with its entity
 * and ids, and {@code repair()} completes it from the journal so no row is lost silently.
 */
class FaultInjectionTest {

    private static final String ENTITY = "fault-item";

    private final String faultId = "f" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private Workspace ws;
    private EntitySchema schema;

    @BeforeEach
    void openWorkspaceWithAFaultyMiddleBackend() {
        open("vec");
    }

    @AfterEach
    void closeWorkspace() {
        Faults.clear(faultId);
        try {
            ws.drop();
        } finally {
            ws.close();
        }
    }

    @Test
    void givenBackendFailingMidBatch_whenUpsertMany_thenBackendExceptionNamesTheBackend() {
        Faults.failNext(faultId, "upsert");

        BackendException error = catchThrowableOfType(BackendException.class, () -> ws.upsertMany(ENTITY, rows(10)));

        assertThat(error).isNotNull();
        assertThat(error.backend()).isEqualTo("vec");
        assertThat(error).hasMessageContaining("vec");
    }

    @Test
    void givenFailedUpsertMany_whenAudit_thenIssuesNameTheEntityAndEveryRow() {
        List<Map<String, Object>> rows = rows(10);
        Faults.failNext(faultId, "upsert");
        assertThatThrownBy(() -> ws.upsertMany(ENTITY, rows)).isInstanceOf(BackendException.class);

        AuditReport report = ws.audit();

        assertThat(report.consistent()).isFalse();
        assertThat(report.issues()).allSatisfy(issue -> assertThat(issue.entity()).isEqualTo(ENTITY));
        assertThat(report.issues()).extracting(AuditReport.Issue::objectId).containsAll(ConformanceRows.ids(rows));
    }

    @Test
    void givenFailedUpsertMany_whenRepair_thenConsistentAndEveryRowIsCompleteOnEveryBackend() {
        List<Map<String, Object>> rows = rows(10);
        Faults.failNext(faultId, "upsert");
        assertThatThrownBy(() -> ws.upsertMany(ENTITY, rows)).isInstanceOf(BackendException.class);

        RepairReport repair = ws.repair();

        assertThat(repair.unresolved()).isEmpty();
        assertThat(repair.fixed()).isNotEmpty();
        assertThat(ws.audit().issues()).isEmpty();
        assertThat(ws.count(ENTITY)).isEqualTo(10);
        for (Map<String, Object> row : rows) {
            assertFullyStored(row);
        }
        assertThat(ws.query(ENTITY).where(Filter.gte("qty", 0)).execute().size()).isEqualTo(10);
    }

    @Test
    void givenFailedSetAcrossBackends_whenRepair_thenThePatchIsCompleteOnEveryBackend() {
        ws.upsertMany(ENTITY, rows(3));
        Faults.failNext(faultId, "upsert");
        Map<String, Object> patch = Map.of("title", "patched", "qty", 99, "note", "patched note");
        assertThatThrownBy(() -> ws.set(ENTITY, "row-1", patch)).isInstanceOf(BackendException.class);

        assertThat(ws.audit().consistent()).isFalse();
        ws.repair();

        assertThat(ws.audit().issues()).isEmpty();
        Map<String, Object> expected = new LinkedHashMap<>(row(1));
        expected.put("title", "patched");
        expected.put("qty", 99L);
        expected.put("note", "patched note");
        assertFullyStored(expected);
    }

    @Test
    void givenFailedDelete_whenRepair_thenTheRowIsGoneFromEveryBackend() {
        ws.upsertMany(ENTITY, rows(3));
        Faults.failNext(faultId, "delete");
        assertThatThrownBy(() -> ws.delete(ENTITY, "row-2")).isInstanceOf(BackendException.class);

        assertThat(ws.audit().issues()).extracting(AuditReport.Issue::objectId).contains("row-2");
        ws.repair();

        assertThat(ws.audit().issues()).isEmpty();
        assertThat(ws.get(ENTITY, "row-2")).isEmpty();
        assertThat(ws.count(ENTITY)).isEqualTo(2);
        assertThat(ws.query(ENTITY).where(Filter.eq("title", "title 2")).execute().isEmpty()).isTrue();
        for (String backend : ws.backends().names()) {
            assertThat(ws.backends().get(backend).ids(new EntityLayout(ENTITY, List.of())))
                    .as("ids on %s", backend).doesNotContain("row-2");
        }
    }

    @Test
    void givenHomeBackendFailing_whenUpsertMany_thenEveryRowIsEitherCompleteAfterRepairOrAbsentEverywhere() {
        closeWorkspace();
        open("main");
        List<Map<String, Object>> rows = rows(10);
        Faults.failNext(faultId, "upsert");
        assertThatThrownBy(() -> ws.upsertMany(ENTITY, rows)).isInstanceOf(BackendException.class);

        ws.repair();

        assertThat(ws.audit().issues()).isEmpty();
        long count = ws.count(ENTITY);
        assertThat(count).as("rows after repair").isIn(0L, 10L);
        for (Map<String, Object> row : rows) {
            if (count == 10) {
                assertFullyStored(row);
            } else {
                assertThat(ws.get(ENTITY, (String) row.get("object_id"))).isEmpty();
            }
        }
    }

    @Test
    void givenBackendFailingOnEveryRead_whenExplain_thenThePlanIsProducedWithoutTouchingIt() {
        ws.upsertMany(ENTITY, rows(3));
        Faults.failAlways(faultId, "execute", "fetch", "count", "ids");

        Plan plan = ws.query(ENTITY).where(Filter.gt("qty", 1)).near("embedding", new float[] {1, 0, 0}, 2)
                .orderBy("title").explain();

        assertThat(plan.steps("filter")).extracting(Plan.Step::backend).containsExactly("vec");
        assertThat(plan.steps("near")).extracting(Plan.Step::type).containsExactly(FaultyProvider.TYPE);
    }

    @Test
    void givenBackendFailingOnEveryRead_whenQuery_thenBackendExceptionNamesTheBackend() {
        ws.upsertMany(ENTITY, rows(3));
        Faults.failAlways(faultId, "execute", "fetch");

        BackendException error = catchThrowableOfType(BackendException.class,
                () -> ws.query(ENTITY).where(Filter.gt("qty", 1)).execute());

        assertThat(error).isNotNull();
        assertThat(error.backend()).isEqualTo("vec");
    }

    /** Opens main (inmem), vec and search (inmem) with {@code faultyBackend} of type faulty. */
    private void open(String faultyBackend) {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        for (String name : List.of("main", "vec", "search")) {
            backends.put(name, name.equals(faultyBackend)
                    ? Map.of("type", FaultyProvider.TYPE, FaultyProvider.FAULT_ID, faultId)
                    : Map.of("type", "inmem"));
        }
        ws = HeavenBase.open("fault-" + faultId, backends);
        schema = ws.register(EntitySchema.builder(ENTITY)
                .field("title", "ShortText", f -> f.store("main"))
                .field("qty", "Integer", f -> f.store("vec"))
                .field("embedding", "Vector[3]", f -> f.store("vec"))
                .field("note", "LongText", f -> f.store("search"))
                .build());
    }

    private static List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    private static Map<String, Object> row(int i) {
        return ConformanceRows.row("row-" + i, "title", "title " + i, "qty", (long) i,
                "embedding", new float[] {1, i, 0}, "note", "note " + i);
    }

    private void assertFullyStored(Map<String, Object> expected) {
        Optional<Row> row = ws.get(ENTITY, (String) expected.get("object_id"));
        assertThat(row).as("row %s", expected.get("object_id")).isPresent();
        for (String field : schema.fieldNames()) {
            assertThat(Content.of(row.get().get(field))).as("%s of %s", field, expected.get("object_id"))
                    .isEqualTo(Content.of(expected.get(field)));
        }
    }
}
