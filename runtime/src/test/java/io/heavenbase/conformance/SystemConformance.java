package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ID;
import static io.heavenbase.conformance.ConformanceEntity.NAME;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.AuditReport;
import io.heavenbase.BackendHealth;
import io.heavenbase.Catalog;
import io.heavenbase.Filter;
import io.heavenbase.MetaSchema;
import io.heavenbase.RepairReport;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog, MetaSchema, audit/repair, health and drop, as every layout must provide them. */
public interface SystemConformance extends ConformanceContext {

    @Test
    default void givenObjects_whenQueryCatalog_thenOneRowPerObjectWithTargetAndName() {
        ws().upsertMany(item(), List.of(row("k1", NAME, "first", TAGS, List.of("x")), row("k2", NAME, "second"),
                row("k3")));

        ResultFrame catalog = ws().query(Catalog.class).where(Filter.eq("target_entity", ID)).execute();

        assertThat(catalog.rows()).extracting(r -> r.getString("target_id")).containsExactlyInAnyOrder("k1", "k2", "k3");
        Row first = catalog.rows().stream().filter(r -> "k1".equals(r.getString("target_id"))).findFirst().orElseThrow();
        assertThat(first.getString("name")).isEqualTo("first");
        assertThat(first.getString("target_entity")).isEqualTo(ID);
        assertThat(first.<String>getList("tags")).containsExactly("x");
    }

    @Test
    default void givenRenamedAndDeletedObjects_whenQueryCatalog_thenItFollowsTheRows() {
        ws().upsertMany(item(), List.of(row("k1", NAME, "first"), row("k2", NAME, "second")));

        ws().set(item(), "k1", Map.of(NAME, "renamed"));
        ws().delete(item(), "k2");

        ResultFrame catalog = ws().query(Catalog.class).where(Filter.eq("target_entity", ID)).execute();
        assertThat(catalog.rows()).extracting(r -> r.getString("target_id") + "=" + r.getString("name"))
                .containsExactly("k1=renamed");
    }

    @Test
    default void givenRegisteredEntity_whenQueryMetaSchema_thenItListsTheEntity() {
        ResultFrame entities = ws().query(MetaSchema.class).where(Filter.eq("kind", "entity")).execute();

        assertThat(entities.rows()).extracting(r -> r.getString("entity")).contains(ID);
    }

    @Test
    default void givenRegisteredEntity_whenQueryMetaSchema_thenEveryFieldHasDtypeBackendAndStrategy() {
        List<Row> fields = ws().query(MetaSchema.class).where(Filter.eq("kind", "field"))
                .where(Filter.eq("entity", ID)).execute().rows();

        for (FieldSchema field : item().fields()) {
            List<Row> placements = fields.stream().filter(r -> field.name().equals(r.getString("field"))).toList();
            assertThat(placements).as("MetaSchema rows of %s", field.name()).isNotEmpty();
            for (Row placement : placements) {
                assertThat(placement.getString("dtype")).isEqualTo(field.dtype().toString());
                assertThat(ws().backends().names()).contains(placement.getString("backend"));
                assertThat(Strategy.parse(placement.getString("strategy"))).isNotNull();
            }
            String placed = currentLayout().backendOf(field.name());
            if (placed != null) {
                assertThat(placements).extracting(r -> r.getString("backend")).as("backend of %s", field.name())
                        .contains(placed);
            }
        }
    }

    @Test
    default void givenWorkspace_whenQueryMetaSchema_thenEveryBackendIsListedWithItsType() {
        List<Row> backends = ws().query(MetaSchema.class).where(Filter.eq("kind", "backend")).execute().rows();

        assertThat(backends).extracting(r -> r.getString("subject_id"))
                .containsExactlyInAnyOrderElementsOf(ws().backends().names());
        for (Row backend : backends) {
            assertThat(backend.getString("dtype")).isEqualTo(ws().backends().get(backend.getString("subject_id")).type());
        }
    }

    @Test
    default void givenEveryFieldPlacement_whenAskingCapabilities_thenEveryApplicableOpIsSupported() {
        List<Row> fields = ws().query(MetaSchema.class).where(Filter.eq("kind", "field"))
                .where(Filter.eq("entity", ID)).execute().rows();

        for (Row placement : fields) {
            DType dtype = DType.parse(placement.getString("dtype"));
            Strategy strategy = Strategy.parse(placement.getString("strategy"));
            String backend = placement.getString("backend");
            for (String op : Ops.applicable(dtype)) {
                assertThat(ws().capabilities().supports(dtype, op, backend, strategy))
                        .as("%s %s on %s/%s", dtype, op, backend, strategy).isTrue();
            }
        }
    }

    @Test
    default void givenWorkspace_whenBackends_thenNamesInConfiguredOrder() {
        assertThat(ws().backends().names()).containsExactlyElementsOf(currentLayout().backends().keySet());
        for (String name : ws().backends().names()) {
            assertThat(ws().backends().get(name).type()).isEqualTo(currentLayout().backends().get(name).get("type"));
        }
    }

    @Test
    default void givenWorkspace_whenHealth_thenEveryBackendIsUp() {
        List<BackendHealth> health = ws().health();

        assertThat(health).extracting(BackendHealth::name).containsExactlyElementsOf(ws().backends().names());
        assertThat(health).allSatisfy(h -> assertThat(h.up()).as("%s: %s", h.name(), h.message()).isTrue());
    }

    @Test
    default void givenWritesSetsAndDeletes_whenAudit_thenConsistent() {
        loadFixture();
        ws().set(item(), "r02", Map.of(QTY, 1, ConformanceEntity.EMBEDDING, List.of(1, 2, 3)));
        ws().delete(item(), "r03");
        ws().upsert(item(), row("r03", NAME, "back"));

        AuditReport report = ws().audit();

        assertThat(report.issues()).isEmpty();
        assertThat(report.consistent()).isTrue();
    }

    @Test
    default void givenConsistentWorkspace_whenRepair_thenNothingToFix() {
        loadFixture();

        RepairReport report = ws().repair();

        assertThat(report.fixed()).isEmpty();
        assertThat(report.unresolved()).isEmpty();
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenPersistentStores_whenReopenedWithoutDrop_thenEveryRowIsStillThere() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        List<Map<String, Object>> rows = loadFixture();

        Workspace reopened = reopen();
        reopened.register(ConformanceEntity.schema(currentLayout()));

        assertThat(reopened.count(ID)).isEqualTo(rows.size());
        for (Map<String, Object> row : rows) {
            assertStoredExactly(row);
        }
        assertThat(reopened.query(Catalog.class).where(Filter.eq("target_entity", ID)).count()).isEqualTo(rows.size());
    }

    @Test
    default void givenSecondInstanceOnTheSameStores_whenItWrites_thenThisInstanceSeesTheRowAfterRefresh() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        loadFixture();
        Workspace other = openSecondInstance();
        other.register(ConformanceEntity.schema(currentLayout()));

        other.upsert(ID, row("from-other", ConformanceEntity.TITLE, "written elsewhere"));
        other.delete(ID, "r01");
        ws().refresh();

        assertThat(stored("from-other").getString(ConformanceEntity.TITLE)).isEqualTo("written elsewhere");
        assertThat(ws().get(item(), "r01")).isEmpty();
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        assertThat(ws().audit().issues()).isEmpty();
    }

    @Test
    default void givenData_whenRefresh_thenNothingIsLost() {
        loadFixture();

        ws().refresh();

        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        assertStoredExactly(ConformanceRows.fixtureRow("r07"));
    }

    @Test
    default void givenData_whenDropAndReopenWithTheSameConfiguration_thenNothingIsLeft() {
        loadFixture();

        ws().drop();
        Workspace reopened = reopen();
        reopened.register(ConformanceEntity.schema(currentLayout()));

        assertThat(reopened.count(ID)).isZero();
        assertThat(reopened.query(ID).execute().isEmpty()).isTrue();
        assertThat(reopened.query(Catalog.class).where(Filter.eq("target_entity", ID)).execute().isEmpty()).isTrue();
    }

    @Test
    default void givenData_whenDrop_thenNoStructureIsLeftOnAnyBackend() {
        assumeTrue(currentLayout().structures() != null,
                "layout " + currentLayout() + " cannot list its backends' structures");
        loadFixture();
        assertThat(currentLayout().structures().get()).as("structures before drop()").isNotEmpty();

        ws().drop();

        assertThat(currentLayout().structures().get()).as("structures left after drop()").isEmpty();
    }
}
