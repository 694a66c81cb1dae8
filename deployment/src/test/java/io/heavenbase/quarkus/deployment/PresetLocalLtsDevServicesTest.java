package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Field;
import io.heavenbase.Filter;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Plan;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code heavenbase.preset=local-lts} in test mode without Docker: Dev Services start PostgreSQL 17 for {@code main}
 * and an OpenSearch node for {@code search}, {@code vec} is lance in a directory of the build, and the workspace
 * splits one entity over all three by the placement rules: scalars, text and arrays on {@code main}, the vector on
 * {@code vec}, the LongText also on {@code search}.
 */
class PresetLocalLtsDevServicesTest {

    @HeavenEntity("paper")
    public static class Paper {
        @Field("ShortText")
        public String title;

        @Field("Categorical[guide,news]")
        public String kind;

        @Field("Array[ShortText]")
        public List<String> tags;

        @Field("LongText")
        public String body;

        @Field("Vector[4]")
        public float[] embedding;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Paper.class).addClass(Extensions.class).addClass(Drivers.class))
            // For the JDBC driver and the pool; the datasource Dev Services of that extension would need Docker.
            // Lance comes from this module's test class path, where the build looks for the providers' drivers.
            // The search backend's client is a plain library.
            .setForcedDependencies(
                    Drivers.with(Drivers.elasticsearchClient(), Extensions.quarkus("quarkus-jdbc-postgresql")))
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.preset", "local-lts")
            // The preset's data/heavenbase/lance is relative to the working directory, here the module's sources.
            .overrideConfigKey("heavenbase.backends.vec.path", lanceDirectory())
            // The embedded servers under test, also where a container runtime would be chosen by default.
            .overrideConfigKey("heavenbase.devservices.mode", "embedded");

    @Inject
    Workspace workspace;

    @BeforeEach
    void storePapers() {
        workspace.upsertMany(Paper.class, List.of(
                paper("n1", "Tea news", "news", List.of("tea"), "tea harvest news from the hills", 1f, 0f, 0f, 0f),
                paper("g1", "Brewing", "guide", List.of("tea", "howto"), "how to brew green tea", 0.9f, 0.1f, 0f, 0f),
                paper("g2", "Steeping", "guide", List.of("tea"), "steeping times for black tea", 0.7f, 0.3f, 0f, 0f),
                paper("g3", "Grinding", "guide", List.of("coffee"), "grinding coffee beans", 0f, 1f, 0f, 0f)));
    }

    @Test
    void presetBackendsReachTheStartedServersAndTheBuildDirectory() {
        assertThat(ConfigProvider.getConfig().getValue("heavenbase.backends.main.url", String.class))
                .startsWith("jdbc:postgresql://localhost:");
        assertThat(ConfigProvider.getConfig().getValue("heavenbase.backends.search.hosts", String.class))
                .startsWith("127.0.0.1:");
        assertThat(workspace.backends().names()).containsExactly("main", "vec", "search");
        assertThat(workspace.health()).hasSize(3)
                .allSatisfy(health -> assertThat(health.up()).as(health.name() + ": " + health.message()).isTrue());
        String lance = ConfigProvider.getConfig().getValue("heavenbase.backends.vec.path", String.class);
        assertThat(lance).endsWith("preset-local-lts-lance").doesNotContain("/src/");
        assertThat(Path.of(lance).resolve("paper.lance")).isDirectory();
    }

    @Test
    void rowIsReadBackFromAllThreeBackends() {
        assertThat(workspace.get(Paper.class, "g1")).hasValueSatisfying(row -> {
            assertThat(row.getString("title")).isEqualTo("Brewing");
            assertThat(row.getString("kind")).isEqualTo("guide");
            assertThat(row.<String> getList("tags")).containsExactly("tea", "howto");
            assertThat(row.getString("body")).isEqualTo("how to brew green tea");
            assertThat(row.getVector("embedding")).containsExactly(0.9f, 0.1f, 0f, 0f);
        });
    }

    @Test
    void matchOnLongTextRunsNativelyOnSearch() {
        Plan plan = workspace.query(Paper.class).where(Filter.match("body", "tea")).explain();

        assertThat(plan.steps("filter")).singleElement().satisfies(step -> {
            assertThat(step.backend()).isEqualTo("search");
            assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE);
        });
        assertThat(workspace.query(Paper.class).where(Filter.match("body", "tea")).execute().ids())
                .containsExactlyInAnyOrder("n1", "g1", "g2");
        assertThat(workspace.query(Paper.class).where(Filter.match("body", "brew")).execute().ids())
                .containsExactly("g1");
    }

    @Test
    void nearWithFilterOnMainReturnsTheTopEligibleRows() {
        float[] query = { 1f, 0f, 0f, 0f };

        // n1 equals the query vector but is news, so the two nearest guides are g1 then g2.
        assertThat(workspace.query(Paper.class).where(Filter.eq("kind", "guide")).near("embedding", query, 2)
                .execute().ids()).containsExactly("g1", "g2");
        assertThat(workspace.query(Paper.class).where(Filter.arrayContains("tags", "tea")).near("embedding", query, 1)
                .execute().ids()).containsExactly("n1");

        Plan plan = workspace.query(Paper.class).where(Filter.eq("kind", "guide")).near("embedding", query, 2)
                .explain();
        assertThat(plan.steps("near")).singleElement().satisfies(step -> assertThat(step.backend()).isEqualTo("vec"));
        assertThat(plan.steps("filter")).singleElement()
                .satisfies(step -> assertThat(step.backend()).isEqualTo("main"));
    }

    private static Map<String, Object> paper(String id, String title, String kind, List<String> tags, String body,
            float... embedding) {
        List<Double> vector = new ArrayList<>();
        for (float value : embedding) {
            vector.add((double) value);
        }
        return Map.of("object_id", id, "title", title, "kind", kind, "tags", tags, "body", body,
                "embedding", vector);
    }

    /**
     * A directory in the build output (the parent of test-classes), so that lance writes neither into the sources nor
     * outside the build; it is fixed because the test class is also initialised in the application's class loader.
     */
    private static String lanceDirectory() {
        try {
            Path testClasses = Path.of(PresetLocalLtsDevServicesTest.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return testClasses.getParent().resolve("preset-local-lts-lance").toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
