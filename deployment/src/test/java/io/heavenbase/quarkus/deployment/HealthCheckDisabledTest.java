package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;

/** {@code heavenbase.health.enabled=false} leaves the readiness check out. */
class HealthCheckDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-smallrye-health"))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.preset", "debug")
            .overrideConfigKey("heavenbase.health.enabled", "false");

    @Test
    void readinessHasNoHeavenBaseCheck() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.findAll { it.name == 'HeavenBase backends' }", empty());
    }
}
