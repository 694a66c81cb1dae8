package io.heavenbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.heavenbase.ExecutionMode;
import io.heavenbase.HeavenBase;
import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;
import io.heavenbase.Workspace;
import io.heavenbase.backend.elasticsearch.TestBackends;
import io.heavenbase.query.WordAnalyzer;
import io.heavenbase.routing.Presets;
import io.heavenbase.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a LongText copied to {@code search} is ranked: on the copy that ranks natively, the one on {@code search}
 * first (the search engine of the lts presets). In the debug preset the copy on {@code search} (inmem) is the
 * field's index and ranks natively from its own term index; with the field's full-text switch on explicitly the copy
 * on {@code main} (sqlite) has its postings too and the copy on {@code search} still ranks. Either way the ranking
 * is Lucene's.
 */
class SearchPlacementTest {

    private static final Map<String, String> TEXTS = Map.of("a", "the fox and the dog", "b", "fox fox fox",
            "c", "a dog", "d", "foxes are not a fox");

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.drop();
            workspace.close();
        }
    }

    @Test
    void givenTheDebugPreset_whenSearched_thenTheCopyOnSearchRanksNativelyOnInmem() {
        workspace = HeavenBase.open("search-place-debug", new LinkedHashMap<>(Presets.backends(Presets.DEBUG)));

        Plan.Step step = searchedAndCompared(false);

        assertThat(step.backend()).isEqualTo("search");
        assertThat(step.type()).isEqualTo("inmem");
        assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE);
    }

    @Test
    void givenTheDebugPresetAndFullTextOnExplicitly_whenSearched_thenTheCopyOnSearchStillRanksNatively() {
        workspace = HeavenBase.open("search-place-debug-ft", new LinkedHashMap<>(Presets.backends(Presets.DEBUG)));

        Plan.Step step = searchedAndCompared(true);

        assertThat(step.backend()).isEqualTo("search");
        assertThat(step.type()).isEqualTo("inmem");
        assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE);
    }

    @Test
    void givenASearchEngineAsSearch_whenSearched_thenTheCopyThereRanks() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("search", TestBackends.config());
        workspace = HeavenBase.open("search-place-es", backends);

        Plan.Step step = searchedAndCompared(false);

        assertThat(step.backend()).isEqualTo("search");
        assertThat(step.type()).isEqualTo("elasticsearch");
        assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE);
    }

    private Plan.Step searchedAndCompared(boolean fullTextOn) {
        EntitySchema note = workspace.register(EntitySchema.builder("note")
                .field("body", "LongText", field -> {
                    if (fullTextOn) {
                        field.fullText(true);
                    }
                }).build());
        TEXTS.forEach((id, text) -> workspace.upsert(note, Map.of("object_id", id, "body", text)));
        List<LuceneReference.Scored> expected = new LuceneReference(TEXTS, new WordAnalyzer()).top("fox dog", 3,
                id -> true);

        ResultFrame found = workspace.query(note).search("body", "fox dog", 3).select("score").execute();

        assertThat(found.ids()).containsExactlyElementsOf(expected.stream().map(LuceneReference.Scored::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.rows().get(i).score()).isCloseTo(expected.get(i).score(),
                    withinPercentage(0.01));
        }
        return workspace.query(note).search("body", "fox", 3).explain().steps("search").get(0);
    }
}
