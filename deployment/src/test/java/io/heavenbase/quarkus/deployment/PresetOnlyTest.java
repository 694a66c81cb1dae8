package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Plan;
import io.heavenbase.Workspace;
import io.heavenbase.spi.Backend;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/** {@code heavenbase.preset=debug} alone gives the preset's three backends and a workspace with the entities. */
class PresetOnlyTest {

    @HeavenEntity("article")
    public static class Article {
        @Field("ShortText")
        public String title;

        @Field("LongText")
        public String body;

        @Field("Vector[2]")
        public float[] embedding;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Article.class))
            .overrideConfigKey("heavenbase.preset", "debug");

    @Inject
    Workspace workspace;

    @Inject
    @Identifier("main")
    Backend main;

    @Inject
    @Identifier("vec")
    Backend vec;

    @Test
    void presetBackendsAreBeansOfTheirTypes() {
        assertThat(main.type()).isEqualTo("sqlite");
        assertThat(vec.type()).isEqualTo("inmem");
    }

    @Test
    void workspaceHasThePresetBackendsInOrder() {
        assertThat(workspace.backends().names()).containsExactly("main", "vec", "search");
    }

    @Test
    void discoveredEntityIsRegisteredAtStartup() {
        String id = workspace.upsert("article", Map.of("object_id", "a1", "title", "Hello",
                "body", "a first article", "embedding", List.of(1.0, 0.0)));

        assertThat(workspace.get("article", id)).hasValueSatisfying(row -> assertThat(row.get("title"))
                .isEqualTo("Hello"));
    }

    @Test
    void vectorFieldIsPlacedOnVec() {
        Plan plan = workspace.query(Article.class).near("embedding", new float[] { 1, 0 }, 1).explain();

        assertThat(plan.steps("near")).singleElement().satisfies(step -> assertThat(step.backend()).isEqualTo("vec"));
    }
}
