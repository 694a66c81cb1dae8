package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.BackendException;
import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.LatePostgres;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * The home backend ({@code main}, SQLite) answers, a second one ({@code archive}, PostgreSQL) does not: the
 * application starts, an entity stored on {@code main} only is written and read at once, while an entity with a
 * field on {@code archive} fails with a {@link BackendException} naming {@code archive}; when that server starts
 * (this test's own embedded PostgreSQL, on the port chosen before), the second entity is registered on its next
 * operation and works, without a restart.
 */
class UnreachableSecondBackendTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";

    @HeavenEntity("usb-memo")
    public static class Memo {
        @Field("ShortText")
        public String title;
    }

    @HeavenEntity("usb-record")
    public static class Record {
        @Field("ShortText")
        public String title;

        @Field("ShortText")
        @Store(to = "archive")
        public String body;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Memo.class, Record.class, Extensions.class,
                    LatePostgres.class, Drivers.class))
            .setForcedDependencies(Drivers.withPostgres(Extensions.quarkus("quarkus-smallrye-health")))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideRuntimeConfigKey("heavenbase.backends.main.database",
                    Path.of("target", "usb-" + System.nanoTime() + ".db").toAbsolutePath().toString())
            .overrideConfigKey("heavenbase.backends.archive.type", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.archive.url",
                    "jdbc:postgresql://localhost:" + LatePostgres.port(UnreachableSecondBackendTest.class)
                            + "/postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.archive.username", "postgres")
            .overrideRuntimeConfigKey("heavenbase.health.timeout", "5s");

    @Inject
    Workspace workspace;

    @AfterAll
    static void stopServer() {
        LatePostgres.stop(UnreachableSecondBackendTest.class);
    }

    @Test
    void entitiesOnTheAnsweringBackendWorkAndTheOthersConnectWhenTheServerComesBack() {
        JsonPath down = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertThat(down.getString(CHECK + ".data.main")).isEqualTo("UP");
        assertThat(down.getString(CHECK + ".data.archive")).contains("backend 'archive'");

        workspace.upsert(Memo.class, Map.of("object_id", "m-1", "title", "kept on main"));
        assertThat(workspace.get(Memo.class, "m-1"))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("title", "kept on main"));
        assertThat(workspace.count(Memo.class)).isEqualTo(1);

        assertThatThrownBy(() -> workspace.upsert(Record.class,
                Map.of("object_id", "r-1", "title", "before", "body", "lost?")))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.backend()).isEqualTo("archive"))
                .hasMessageContaining("backend 'archive'");
        assertThatThrownBy(() -> workspace.count(Record.class)).isInstanceOf(BackendException.class);

        LatePostgres.start(UnreachableSecondBackendTest.class);

        JsonPath up = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(up.getString(CHECK + ".data.archive")).isEqualTo("UP");
        workspace.upsert(Record.class, Map.of("object_id", "r-1", "title", "after", "body", "on archive"));
        assertThat(workspace.get(Record.class, "r-1")).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("title", "after").containsEntry("body", "on archive"));
        assertThat(workspace.get(Memo.class, "m-1")).isPresent();
    }
}
