package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.BackendOption;
import io.heavenbase.Field;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.HeavenEntity;
import io.heavenbase.MetaSchema;
import io.heavenbase.Row;
import io.heavenbase.Store;
import io.heavenbase.Workspace;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "Engine foundation" done-when scenarios, as a user would write them. */
class SeedScenarioTest {

    /** An annotated entity split over two backends. */
    @HeavenEntity
    public static class Event {
        @Field("ShortText")
        public String title;

        @Field("Json")
        @Store(to = "scratch")
        public Map<String, Object> payload;
    }

    @Test
    void givenDebugPreset_whenOpen_thenBackendsAreMainVecSearch() {
        try (Workspace ws = HeavenBase.open("ws", "debug")) {
            assertThat(ws.backends().names()).containsExactly("main", "vec", "search");
            assertThat(ws.backends().get("main").type()).isEqualTo("sqlite");
            assertThat(ws.backends().get("vec").type()).isEqualTo("inmem");
            assertThat(ws.backends().get("search").type()).isEqualTo("inmem");
        }
    }

    @Test
    void givenExplicitSqliteMainAndInMemScratch_whenUpsertAnnotatedEvent_thenGetReturnsBothParts() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("scratch", Map.of("type", "inmem"));
        try (Workspace ws = HeavenBase.open("explicit", backends)) {
            ws.register(Event.class);

            String id = ws.upsert(Event.class, Map.of("name", "launch", "title", "Launch day",
                    "payload", Map.of("seats", 3L, "tags", List.of("a", "b"))));

            Optional<Row> row = ws.get(Event.class, id);
            assertThat(row).isPresent();
            assertThat(row.get().getString("title")).isEqualTo("Launch day");
            assertThat(row.get().get("payload")).isEqualTo(Map.of("seats", 3L, "tags", List.of("a", "b")));
            Event event = row.get().as(Event.class);
            assertThat(event.title).isEqualTo("Launch day");
            assertThat(event.payload).containsEntry("seats", 3L);
            ws.drop();
        }
    }

    @Test
    void givenStoreAnnotation_whenUpsert_thenThePayloadLivesOnScratchAndTheTitleOnMain() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("scratch", Map.of("type", "inmem"));
        try (Workspace ws = HeavenBase.open("explicit", backends)) {
            ws.register(Event.class);

            String id = ws.upsert(Event.class, Map.of("name", "launch", "title", "Launch day", "payload", Map.of()));

            EntityLayout payloadPart = new EntityLayout("event", List.of(new StoredField("payload", DType.JSON,
                    Strategy.INLINE_COLUMN)));
            assertThat(ws.backends().get("scratch").fetch(payloadPart, List.of(id), List.of("payload")))
                    .containsKey(id);
            assertThat(ws.query(MetaSchema.class)
                    .where(Filter.eq("entity", "event"))
                    .where(Filter.eq("kind", "field")).execute().rows())
                    .extracting(r -> r.getString("field") + "@" + r.getString("backend"))
                    .contains("title@main", "payload@scratch");
            ws.drop();
        }
    }

    @Test
    void givenGlobalCapabilities_whenAskingForNearOnAVector_thenInMemIsAnOption() {
        List<BackendOption> options = HeavenBase.capabilities().backends(DType.vector(2), "near");

        assertThat(options).extracting(BackendOption::type).contains("inmem");
    }

    @Test
    void givenDebugWorkspace_whenAskingOpsOfShortTextOnMain_thenMatchIsAvailable() {
        try (Workspace ws = HeavenBase.open("ws", "debug")) {
            assertThat(ws.capabilities().ops(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, "main")).contains("match");
        }
    }
}
