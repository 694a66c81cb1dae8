package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An {@code elasticsearch} backend without {@code hosts} gets an OpenSearch node started in the JVM (the runner is
 * on this module's test class path), and the real elasticsearch backend reaches it.
 *
 * <p>
 * The node has no k-NN plugin (it is not published as a jar), and the elasticsearch backend currently enables
 * {@code index.knn} on every index it creates, so this test pings the node instead of writing entities.
 */
class DevServicesOpenSearchTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideConfigKey("heavenbase.backends.search.type", "elasticsearch");

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
}
