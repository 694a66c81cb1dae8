package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.BackendException;
import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.LatePostgres;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * A postgres backend points at a port nothing listens on: the application starts anyway, the readiness check
 * (and the statuses the Dev UI shows) report the backend DOWN with the cause, workspace operations fail with a
 * {@link BackendException} naming it; once a PostgreSQL server (embedded, this test's own) starts on that port, the check turns UP and a write and a
 * read work, without a restart.
 */
class UnreachableBackendAtStartupTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";

    @HeavenEntity("unr-note")
    public static class Note {
        @Field("ShortText")
        public String title;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Note.class).addClass(Extensions.class)
                    .addClass(LatePostgres.class).addClass(Drivers.class))
            .setForcedDependencies(Drivers.withPostgres(Extensions.quarkus("quarkus-smallrye-health")))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url",
                    "jdbc:postgresql://localhost:" + LatePostgres.port(UnreachableBackendAtStartupTest.class)
                            + "/postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "postgres")
            .overrideRuntimeConfigKey("heavenbase.health.timeout", "5s");

    @Inject
    Workspace workspace;

    @AfterAll
    static void stopServer() {
        LatePostgres.stop(UnreachableBackendAtStartupTest.class);
    }

    @Test
    void startsWithTheBackendDownAndConnectsWhenTheServerComesBack() {
        JsonPath down = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertThat(down.getString(CHECK + ".status")).isEqualTo("DOWN");
        assertThat(down.getString(CHECK + ".data.main"))
                .contains("backend 'main'")
                .contains("heavenbase.backends.main.url");

        // The Dev UI reads the same statuses.
        ExecutorService pings = Executors.newCachedThreadPool();
        try {
            assertThat(new BackendStatuses(pings).check()).singleElement().satisfies(status -> {
                assertThat(status.name()).isEqualTo("main");
                assertThat(status.state()).isEqualTo(BackendStatuses.State.DOWN);
                assertThat(status.detail()).contains("heavenbase.backends.main.url");
            });
        } finally {
            pings.shutdownNow();
        }

        assertThatThrownBy(() -> workspace.upsert(Note.class, Map.of("object_id", "n-1", "title", "before")))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.backend()).isEqualTo("main"))
                .hasMessageContaining("backend 'main'");

        LatePostgres.start(UnreachableBackendAtStartupTest.class);

        JsonPath up = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(up.getString(CHECK + ".data.main")).isEqualTo("UP");

        workspace.upsert(Note.class, Map.of("object_id", "n-1", "title", "after"));
        assertThat(workspace.get(Note.class, "n-1"))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("title", "after"));
    }
}
