package io.heavenbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Plan;
import io.heavenbase.Workspace;
import io.heavenbase.routing.Presets;
import io.heavenbase.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two legs of a hybrid query run side by side when each ranks natively on its own backend (the debug preset:
 * text on {@code search}, vectors on {@code vec}) and one after the other on one backend; explain says which, and
 * both give the same fused ranking.
 */
class HybridLegsPlacementTest {

    private final List<Workspace> workspaces = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        for (Workspace workspace : workspaces) {
            workspace.drop();
            workspace.close();
        }
    }

    @Test
    void givenLegsOnTwoBackends_whenExplained_thenSideBySide_andTheRankingIsTheOneOfOneBackend() {
        Workspace split = open("hybrid-legs-debug", new LinkedHashMap<>(Presets.backends(Presets.DEBUG)));
        Workspace single = open("hybrid-legs-one", Map.of("main", Map.of("type", "inmem")));

        assertThat(fuseStep(split).detail()).endsWith("; the legs run side by side");
        assertThat(fuseStep(single).detail()).endsWith("; the legs run one after the other");
        assertThat(hybrid(split)).containsExactlyElementsOf(hybrid(single)).isNotEmpty();
    }

    private Workspace open(String id, Map<String, Map<String, Object>> backends) {
        Workspace workspace = HeavenBase.open(id, backends);
        workspaces.add(workspace);
        workspace.register(EntitySchema.builder("doc").field("kind", "Identifier").field("body", "LongText")
                .field("embedding", "Vector[3]").build());
        String[] bodies = {"quick brown fox", "fox fox", "lazy dog", "brown bear", "quick thinking", "nothing"};
        for (int i = 0; i < bodies.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", "d" + i);
            row.put("kind", i % 2 == 0 ? "even" : "odd");
            row.put("body", bodies[i]);
            row.put("embedding", new float[] {i, 1, 6 - i});
            workspace.upsert("doc", row);
        }
        return workspace;
    }

    private static Plan.Step fuseStep(Workspace workspace) {
        return workspace.query("doc").search("body", "quick fox", 3).near("embedding", new float[] {1, 0, 0}, 3)
                .explain().steps("fuse").get(0);
    }

    private static List<String> hybrid(Workspace workspace) {
        return workspace.query("doc").where(Filter.eq("kind", "even")).search("body", "quick fox brown", 2)
                .near("embedding", new float[] {1, 0, 0}, 2).execute().ids();
    }
}
