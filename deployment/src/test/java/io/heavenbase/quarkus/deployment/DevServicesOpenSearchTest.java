package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Field;
import io.heavenbase.Filter;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An {@code elasticsearch} backend without {@code hosts} gets an OpenSearch node started in the JVM (the runner is
 * on this module's test class path), and the real elasticsearch backend stores and searches text there.
 *
 * <p>
 * The node has no k-NN plugin (it is not published as a jar); the backend asks for {@code index.knn} only on indexes
 * with a vector field, so entities without vectors on this backend work.
 */
class DevServicesOpenSearchTest {

    @HeavenEntity("review")
    public static class Review {
        @Field("ShortText")
        public String product;

        @Field("MediumText")
        @Store(to = "search")
        public String body;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Review.class).addClass(Drivers.class))
            .setForcedDependencies(List.of(Drivers.elasticsearchClient()))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideConfigKey("heavenbase.backends.search.type", "elasticsearch")
            // The embedded server under test, also where a container runtime would be chosen by default.
            .overrideConfigKey("heavenbase.devservices.mode", "embedded");

    @Inject
    Workspace workspace;

    @Test
    void backendReceivesTheHostsOfTheStartedNode() {
        assertThat(ConfigProvider.getConfig().getValue("heavenbase.backends.search.hosts", String.class))
                .startsWith("127.0.0.1:");
    }

    @Test
    void elasticsearchBackendReachesTheStartedNode() {
        assertThat(workspace.health()).filteredOn(health -> health.name().equals("search"))
                .singleElement().satisfies(health -> assertThat(health.up()).as(health.message()).isTrue());
    }

    @Test
    void textPlacedOnTheStartedNodeIsStoredAndSearched() {
        workspace.upsertMany(Review.class, List.of(
                Map.of("object_id", "r1", "product", "kettle", "body", "boils water quickly"),
                Map.of("object_id", "r2", "product", "teapot", "body", "pours without dripping")));

        assertThat(workspace.query(Review.class).where(Filter.match("body", "water")).execute().ids())
                .containsExactly("r1");
        assertThat(workspace.get(Review.class, "r2")).hasValueSatisfying(
                row -> assertThat(row.getString("body")).isEqualTo("pours without dripping"));
        assertThat(workspace.query(Review.class).where(Filter.match("body", "water")).explain().steps("filter"))
                .singleElement().satisfies(step -> {
                    assertThat(step.backend()).isEqualTo("search");
                    assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE);
                });
    }
}
