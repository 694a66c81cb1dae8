package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.BackendException;
import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.LatePostgres;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * Like {@link UnreachableBackendAtStartupTest}, through the Quarkus way: the backend uses the default Agroal
 * datasource, whose URL points at a port nothing listens on: the application starts anyway, the readiness check
 * reports the backend DOWN with the cause, workspace operations fail with a {@link BackendException} naming it;
 * once a PostgreSQL server (embedded, this test's own) starts on that port, the check turns UP and a write and a
 * read work, without a restart.
 */
class UnreachableDataSourceAtStartupTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";

    @HeavenEntity("unr-ds-note")
    public static class Note {
        @Field("ShortText")
        public String title;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Note.class).addClass(Extensions.class)
                    .addClass(LatePostgres.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-smallrye-health", "quarkus-agroal",
                    "quarkus-jdbc-postgresql"))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.health.enabled", "false")
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideRuntimeConfigKey("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://localhost:" + LatePostgres.port(UnreachableDataSourceAtStartupTest.class)
                            + "/postgres")
            .overrideRuntimeConfigKey("quarkus.datasource.username", "postgres")
            .overrideRuntimeConfigKey("heavenbase.health.timeout", "5s");

    @Inject
    Workspace workspace;

    @AfterAll
    static void stopServer() {
        LatePostgres.stop(UnreachableDataSourceAtStartupTest.class);
    }

    @Test
    void startsWithTheBackendDownAndConnectsWhenTheServerComesBack() {
        JsonPath down = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertThat(down.getString(CHECK + ".status")).isEqualTo("DOWN");
        assertThat(down.getString(CHECK + ".data.main")).contains("backend 'main'");

        assertThatThrownBy(() -> workspace.upsert(Note.class, Map.of("object_id", "n-1", "title", "before")))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.backend()).isEqualTo("main"))
                .hasMessageContaining("backend 'main'");

        LatePostgres.start(UnreachableDataSourceAtStartupTest.class);

        JsonPath up = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(up.getString(CHECK + ".data.main")).isEqualTo("UP");

        workspace.upsert(Note.class, Map.of("object_id", "n-1", "title", "after"));
        assertThat(workspace.get(Note.class, "n-1"))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("title", "after"));
    }
}
