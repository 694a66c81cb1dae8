package io.heavenbase.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.ValidationException;
import io.heavenbase.backend.inmem.InMemProvider;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementRulesTest {

    private static final CapabilityTable INMEM = new InMemProvider().capabilities();
    private static final CapabilityTable TEXT_ONLY = CapabilityTable.builder()
            .store(Strategy.INLINE_COLUMN, java.util.EnumSet.of(DType.Kind.IDENTIFIER, DType.Kind.SHORT_TEXT,
                    DType.Kind.LONG_TEXT))
            .build();

    private static final EntitySchema ARTICLE = EntitySchema.builder("article")
            .field("title", "ShortText")
            .field("body", "LongText")
            .field("tags", "Array[ShortText]")
            .field("embedding", "Vector[2]")
            .build();

    @Test
    void defaultsFollowTheSpecRules() {
        StoragePlan plan = rules("main", "vec", "search").plan(ARTICLE);

        assertThat(plan.home()).isEqualTo("main");
        assertThat(plan.placement("title").backend()).isEqualTo("main");
        assertThat(plan.placement("tags").backend()).isEqualTo("main");
        assertThat(plan.placement("embedding")).isEqualTo(new Placement("vec", "inmem", Strategy.VECTOR_INDEX));
        assertThat(plan.placements("body")).extracting(Placement::backend).containsExactly("main", "search");
        assertThat(plan.parts().keySet()).containsExactly("main", "vec", "search");
    }

    @Test
    void aLoneBackendTakesEverything() {
        StoragePlan plan = rules("store").plan(ARTICLE);

        assertThat(plan.home()).isEqualTo("store");
        assertThat(plan.parts().keySet()).containsExactly("store");
        assertThat(plan.placement("embedding").backend()).isEqualTo("store");
    }

    @Test
    void vectorsStayOnMainWithoutVec() {
        assertThat(rules("main", "search").plan(ARTICLE).placement("embedding").backend()).isEqualTo("main");
    }

    @Test
    void explicitPlacementWins() {
        EntitySchema schema = EntitySchema.builder("note")
                .field("title", "ShortText", f -> f.store("search"))
                .build();

        assertThat(rules("main", "search").plan(schema).placement("title").backend()).isEqualTo("search");
    }

    @Test
    void unknownBackendNamesEntityFieldAndBackend() {
        EntitySchema schema = EntitySchema.builder("note").field("title", "ShortText", f -> f.store("nowhere")).build();

        assertThatThrownBy(() -> rules("main").plan(schema))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("note").hasMessageContaining("title").hasMessageContaining("nowhere");
    }

    @Test
    void placementTheBackendCannotServeNamesTheMissingCapability() {
        Map<String, PlacementRules.Target> targets = new LinkedHashMap<>();
        targets.put("main", new PlacementRules.Target("text-only", TEXT_ONLY));
        EntitySchema schema = EntitySchema.builder("note").field("embedding", "Vector[2]").build();

        assertThatThrownBy(() -> new PlacementRules(targets).plan(schema))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("note").hasMessageContaining("embedding").hasMessageContaining("main")
                .hasMessageContaining("Vector[2]");
    }

    @Test
    void strategyNoBackendImplementsIsRejectedClearly() {
        EntitySchema schema = EntitySchema.builder("graph")
                .field("links", "HyperG", f -> f.store("main", "GraphEdge"))
                .build();

        assertThatThrownBy(() -> rules("main").plan(schema))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("GraphEdge").hasMessageContaining("links");
    }

    private static PlacementRules rules(String... names) {
        Map<String, PlacementRules.Target> targets = new LinkedHashMap<>();
        for (String name : names) {
            targets.put(name, new PlacementRules.Target("inmem", INMEM));
        }
        return new PlacementRules(targets);
    }
}
