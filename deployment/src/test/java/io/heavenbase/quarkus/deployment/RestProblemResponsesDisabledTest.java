package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.restapp.ProblemNoteResource;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;

/** With {@code heavenbase.rest.problem-responses=false}, HeavenBase exceptions are left to the application. */
class RestProblemResponsesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ProblemNoteResource.class, ProblemNoteResource.ProblemNote.class,
                    Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-rest", "quarkus-rest-jackson"))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.backends.main.type", "inmem")
            .overrideConfigKey("heavenbase.rest.problem-responses", "false");

    @Test
    void validationFailureIsAnUnmappedServerError() {
        given().contentType(ContentType.JSON).body("{\"colour\": \"red\"}")
                .when().post("/problem-notes/n-1")
                .then().statusCode(500);
    }

    @Test
    void backendFailureIsAnUnmappedServerError() {
        given().when().post("/problem-notes/down").then().statusCode(500);
    }
}
