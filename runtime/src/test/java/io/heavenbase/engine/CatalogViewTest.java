package io.heavenbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Catalog;
import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.MetaSchema;
import io.heavenbase.Plan;
import io.heavenbase.Row;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.spi.Backend;
import io.heavenbase.system.CatalogRows;
import io.heavenbase.system.LegacyCatalogTable;
import io.heavenbase.system.MetaSchemaWriter;
import io.heavenbase.system.SystemEntities;
import io.heavenbase.system.SystemTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog as a view on a sqlite file: writes leave no catalog structure behind, a stored
 * catalog table of an earlier version is dropped at open, the view cannot be written, and
 * {@code explain()} shows the per-entity pushdown.
 */
class CatalogViewTest {

    private static final EntitySchema NOTE = EntitySchema.builder("note")
            .field("desc", "MediumText")
            .field("tags", "Array[ShortText]")
            .build();
    private static final EntitySchema PAGE = EntitySchema.builder("page")
            .field("desc", "LongText")
            .build();

    @TempDir
    Path dir;
    private final List<Workspace> opened = new ArrayList<>();

    @BeforeEach
    void noWorkspaceYet() {
        assertThat(opened).isEmpty();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Workspace::close);
    }

    private Workspace open() {
        Workspace ws = HeavenBase.open("catalog-view", Map.of("main",
                Map.of("type", "sqlite", "database", dir.resolve("hb.db").toString())));
        opened.add(ws);
        return ws;
    }

    @Test
    void givenSqliteFile_whenUpsertManySetAndDelete_thenNoStructureAppearsAndTheCatalogFollows() throws SQLException {
        Workspace ws = open();
        ws.register(NOTE);
        TreeSet<String> before = structures();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(Map.of("object_id", "n" + i, "name", "note " + i, "desc", "about " + i, "tags", List.of("t" + i % 3)));
        }

        ws.upsertMany(NOTE, rows);
        ws.set(NOTE, "n1", Map.of("name", "renamed"));
        ws.delete(NOTE, "n2");

        assertThat(structures()).isEqualTo(before);
        assertThat(before).noneMatch(name -> name.contains("catalog"));
        assertThat(ws.count(Catalog.class)).isEqualTo(99);
        assertThat(ws.query(Catalog.class).where(Filter.eq("target_id", "n1")).execute().rows())
                .extracting(r -> r.getString("name")).containsExactly("renamed");
        assertThat(ws.query(Catalog.class).where(Filter.arrayContains("tags", "t2")).count())
                .as("n2, n5, ... n98 without the deleted n2").isEqualTo(32);
    }

    @Test
    void givenStoredCatalogOfAnEarlierVersion_whenOpened_thenTheTableIsDroppedOnceAndLogged() throws SQLException {
        Workspace old = open();
        old.register(NOTE);
        old.upsert(NOTE, Map.of("object_id", "n1", "name", "kept", "desc", "still here"));
        createLegacyCatalog(old.backends().get("main"));
        old.close();
        assertThat(structures()).anyMatch(name -> name.contains("sys_catalog"));

        List<LogRecord> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(LegacyCatalogTable.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            Workspace reopened = open();
            assertThat(logged).hasSize(1);
            assertThat(new SimpleFormatter().formatMessage(logged.get(0)))
                    .contains("dropped the stored sys-catalog table").contains("'main'");
            assertThat(structures()).noneMatch(name -> name.contains("catalog"));
            assertThat(reopened.query(MetaSchema.class).where(Filter.eq("subject_id", Catalog.ENTITY_ID)).count())
                    .isZero();
            reopened.register(NOTE);
            assertThat(reopened.query(Catalog.class).execute().rows()).extracting(r -> r.getString("name"))
                    .containsExactly("kept");
            reopened.close();

            open();
            assertThat(logged).as("nothing left to drop on the next open").hasSize(1);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void givenCatalog_whenWritten_thenRejectedAsReadOnly() {
        Workspace ws = open();
        ws.register(NOTE);
        ws.upsert(NOTE, Map.of("object_id", "n1", "name", "x"));
        String catalogId = CatalogRows.catalogId("note", "n1");

        for (Object catalog : List.of(Catalog.class, Catalog.ENTITY_ID)) {
            assertThatThrownBy(() -> ws.upsert(catalog, Map.of("object_id", "c1", "target_id", "n9")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be written")
                    .extracting(e -> ((ValidationException) e).rule()).isEqualTo("read_only");
            assertThatThrownBy(() -> ws.set(catalog, catalogId, Map.of("name", "y")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be written");
            assertThatThrownBy(() -> ws.delete(catalog, catalogId))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be written");
        }
        assertThat(ws.get(Catalog.class, catalogId)).map(r -> r.getString("name")).contains("x");
        assertThat(ws.get(NOTE, "n1")).map(r -> r.getString("name")).contains("x");
    }

    @Test
    void givenTwoEntities_whenExplainCatalogQuery_thenEachEntityShowsWhereItsFilterRuns() {
        Workspace ws = open();
        ws.register(NOTE);
        ws.register(PAGE);

        Plan plan = ws.query(Catalog.class).where(Filter.match("desc", "quick fox")).orderBy("name").explain();

        assertThat(plan.entity()).isEqualTo(Catalog.ENTITY_ID);
        List<Plan.Step> derive = plan.steps("derive");
        assertThat(derive).extracting(Plan.Step::detail).containsExactly(
                "entity note: filter pushed down exactly",
                "entity page: filter pushed down as a wider one, re-checked in the engine");
        assertThat(derive).extracting(Plan.Step::mode).containsExactly(ExecutionMode.NATIVE, ExecutionMode.FALLBACK);
        assertThat(plan.steps("filter")).extracting(s -> s.detail().split(",")[0] + " " + s.field() + " " + s.backend())
                .containsExactly("entity note desc main", "entity page desc main", "entity page desc main");
        assertThat(plan.steps("order")).extracting(Plan.Step::field).contains("name");
    }

    @Test
    void givenEntityLackingTheFilteredField_whenQueryCatalog_thenItIsSkippedWithoutReadingIt() {
        Workspace ws = open();
        ws.register(NOTE);
        EntitySchema bare = ws.register(EntitySchema.builder("bare").field("object_id", "Identifier").build());
        ws.upsert(NOTE, Map.of("object_id", "n1", "tags", List.of("a")));
        ws.upsert(bare, Map.of("object_id", "b1"));

        Plan plan = ws.query(Catalog.class).where(Filter.arrayContains("tags", "a")).explain();
        List<Row> rows = ws.query(Catalog.class).where(Filter.isNull("name")).orderBy("target_entity").execute().rows();

        assertThat(plan.steps("derive")).extracting(Plan.Step::op).containsExactly("skip", "derive");
        assertThat(rows).extracting(r -> r.getString("target_entity") + "/" + r.getString("target_id"))
                .containsExactly("bare/b1", "note/n1");
        assertThat(rows.get(0).<String>getList("tags")).isEmpty();
    }

    /** What a workspace of the previous version left on its default backend: the table, a row, its metaschema rows. */
    private static void createLegacyCatalog(Backend main) {
        PlacementRules rules = PlacementRules.of(Map.of("main", main));
        StoragePlan catalog = rules.plan(SystemEntities.catalog());
        StoragePlan metaSchema = rules.plan(SystemEntities.metaSchema());
        main.ensure(catalog.part("main"));
        Map<String, Object> row = new LinkedHashMap<>(CatalogRows.catalogRow(NOTE,
                Map.of("object_id", "n1", "name", "kept", "desc", "still here")));
        main.upsert(catalog.part("main"), List.of(row));
        new MetaSchemaWriter(new SystemTable(main, metaSchema.part("main"))).entity(catalog);
    }

    /** Every table, index and trigger of the sqlite file, as type:name. */
    private TreeSet<String> structures() throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        assertThat(Files.exists(dir.resolve("hb.db"))).isTrue();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hb.db"));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT type, name FROM sqlite_master")) {
            while (rs.next()) {
                names.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return names;
    }
}
