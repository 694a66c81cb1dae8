package io.heavenbase.testprovider.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.spi.Backend;
import io.heavenbase.testprovider.MapStoreBackend;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * A Quarkus application on the mapstore type of another jar: its own key {@code capacity} is read as
 * {@code heavenbase.backends."name".capacity}, the backend is a bean of its class, the workspace serves it, and
 * the readiness check lists it.
 */
class MapStoreAppTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.main.type", "mapstore")
            .overrideRuntimeConfigKey("heavenbase.backends.main.capacity", "500")
            .overrideConfigKey("heavenbase.backends.spare.type", "mapstore")
            .overrideRuntimeConfigKey("heavenbase.backends.spare.options.\"capacity\"", "900");

    @Inject
    @Identifier("main")
    Backend main;

    @Inject
    @Identifier("spare")
    MapStoreBackend spare;

    @Inject
    Workspace workspace;

    @Test
    void theProvidersOwnKeyReachesTheBackend() {
        assertThat(main).isInstanceOf(MapStoreBackend.class);
        assertThat(((MapStoreBackend) main).capacity()).isEqualTo(500);
    }

    @Test
    void theKeyCanAlsoBeGivenAsAnOption() {
        assertThat(spare.capacity()).isEqualTo(900);
    }

    @Test
    void theWorkspaceServesTheBackends() {
        assertThat(workspace.backends().names()).containsExactly("main", "spare");
    }

    @Test
    void theReadinessCheckListsTheBackends() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.main", equalTo("UP"))
                .body(CHECK + ".data.spare", equalTo("UP"));
    }
}
