package io.heavenbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's cross-backend paths on an entity split over two inmem backends. */
class SplitLayoutQueryTest {

    private static final EntitySchema DOC = EntitySchema.builder("doc")
            .field("title", "ShortText")
            .field("kind", "Categorical[a,b]")
            .field("rank", "Integer", f -> f.store("vec"))
            .field("embedding", "Vector[2]")
            .build();

    private Workspace ws;

    @BeforeEach
    void open() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "inmem"));
        backends.put("vec", Map.of("type", "inmem"));
        ws = HeavenBase.open("split", backends);
        ws.register(DOC);
        ws.upsertMany(DOC, List.of(
                row("d1", "one", "a", 1, 1f, 0f),
                row("d2", "two", "b", 2, 0.9f, 0.1f),
                row("d3", "three", "a", 3, 0f, 1f),
                row("d4", "four", "b", 4, 0.95f, 0.05f)));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void vectorGoesToVecAndRowIsRehydrated() {
        Row row = ws.get(DOC, "d2").orElseThrow();

        assertThat(row.getString("title")).isEqualTo("two");
        assertThat(row.getLong("rank")).isEqualTo(2L);
        assertThat(row.getVector("embedding")).containsExactly(0.9f, 0.1f);
    }

    @Test
    void nearAppliesFilterOnOtherBackendBeforeTheCut() {
        ResultFrame frame = ws.query(DOC)
                .where(Filter.eq("kind", "a"))
                .near("embedding", new float[] {1f, 0f}, 2)
                .select("title", "score")
                .execute();

        assertThat(frame.ids()).containsExactly("d1", "d3");
        assertThat(frame.rows().get(0).score()).isGreaterThan(frame.rows().get(1).score());
    }

    @Test
    void orAcrossBackendsUnionsIds() {
        ResultFrame frame = ws.query(DOC)
                .where(Filter.or(Filter.eq("title", "one"), Filter.gte("rank", 4)))
                .orderBy("rank")
                .execute();

        assertThat(frame.ids()).containsExactly("d1", "d4");
    }

    @Test
    void notIsComplementAcrossBackends() {
        ResultFrame frame = ws.query(DOC)
                .where(Filter.not(Filter.and(Filter.eq("kind", "b"), Filter.lt("rank", 3))))
                .orderByDesc("rank")
                .execute();

        assertThat(frame.ids()).containsExactly("d4", "d3", "d1");
    }

    @Test
    void orderOnOneBackendWithFilterOnAnotherPagesStably() {
        ResultFrame frame = ws.query(DOC)
                .where(Filter.ne("title", "three"))
                .orderByDesc("rank")
                .offset(1)
                .limit(2)
                .execute();

        assertThat(frame.ids()).containsExactly("d2", "d1");
    }

    @Test
    void explainNamesBackendsAndModesWithoutRunning() {
        Plan plan = ws.query(DOC)
                .where(Filter.eq("kind", "a"))
                .near("embedding", new float[] {1f, 0f}, 2)
                .explain();

        Plan.Step filter = plan.steps("filter").get(0);
        Plan.Step near = plan.steps("near").get(0);
        assertThat(filter.backend()).isEqualTo("main");
        assertThat(filter.mode()).isEqualTo(ExecutionMode.NATIVE);
        assertThat(near.backend()).isEqualTo("vec");
        assertThat(near.strategy()).isEqualTo("VectorIndex");
        assertThat(near.detail()).isEqualTo("candidate_ids");
    }

    @Test
    void catalogHoldsOneRowPerObject() {
        assertThat(ws.count(io.heavenbase.Catalog.class)).isEqualTo(4);
        ws.delete(DOC, "d1");
        assertThat(ws.count(io.heavenbase.Catalog.class)).isEqualTo(3);
        assertThat(ws.audit().consistent()).isTrue();
    }

    private static Map<String, Object> row(String id, String title, String kind, long rank, float x, float y) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        row.put("title", title);
        row.put("kind", kind);
        row.put("rank", rank);
        row.put("embedding", new float[] {x, y});
        return row;
    }
}
