package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.RecordingProvider;
import io.heavenbase.quarkus.deployment.support.Recordings;
import io.heavenbase.quarkus.deployment.support.Recordings.Ping;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * The readiness check {@code HeavenBase backends}: one entry per backend, down when a checked backend fails or does
 * not answer within {@code heavenbase.health.timeout}, never down because of an excluded or inactive backend.
 */
class HealthCheckTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addPackage(RecordingProvider.class.getPackage())
                    .addAsServiceProvider(BackendProvider.class, RecordingProvider.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-smallrye-health"))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.backends.main.type", "recording")
            .overrideConfigKey("heavenbase.backends.search.type", "recording")
            .overrideConfigKey("heavenbase.backends.vec.type", "recording")
            .overrideConfigKey("heavenbase.backends.reports.type", "recording")
            .overrideConfigKey("heavenbase.backends.spare.type", "recording")
            .overrideRuntimeConfigKey("heavenbase.backends.reports.health-exclude", "true")
            .overrideRuntimeConfigKey("heavenbase.backends.spare.active", "false")
            .overrideRuntimeConfigKey("heavenbase.health.timeout", "500ms");

    @Test
    void everyBackendHasAnEntryAndExcludedOrInactiveOnesDoNotFailTheCheck() {
        Recordings.ping("main", Ping.UP);
        Recordings.ping("search", Ping.UP);
        Recordings.ping("vec", Ping.UP);
        Recordings.ping("reports", Ping.FAIL);

        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.main", equalTo("UP"))
                .body(CHECK + ".data.search", equalTo("UP"))
                .body(CHECK + ".data.vec", equalTo("UP"))
                .body(CHECK + ".data.reports", startsWith("excluded"))
                .body(CHECK + ".data.spare", startsWith("inactive"))
                .body(CHECK + ".data.spare", containsString("heavenbase.backends.spare.active=false"));
    }

    @Test
    void failingBackendTurnsTheCheckDownWithItsReasonWhileOthersStayUp() {
        Recordings.ping("main", Ping.UP);
        Recordings.ping("search", Ping.FAIL);
        Recordings.ping("vec", Ping.UP);

        given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.search", containsString("server stopped"))
                .body(CHECK + ".data.main", equalTo("UP"))
                .body(CHECK + ".data.vec", equalTo("UP"));
    }

    @Test
    void backendThatDoesNotAnswerIsDownWithinTheTimeout() {
        Recordings.ping("main", Ping.UP);
        Recordings.ping("search", Ping.UP);
        Recordings.ping("vec", Ping.HANG);

        long start = System.nanoTime();
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(health.getString(CHECK + ".data.vec")).contains("no answer within 500 ms");
        assertThat(health.getString(CHECK + ".data.main")).isEqualTo("UP");
        assertThat(elapsedMillis).isLessThan(5_000);
    }
}
