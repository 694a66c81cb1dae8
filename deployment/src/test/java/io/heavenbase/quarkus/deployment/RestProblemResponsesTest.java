package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.restapp.ProblemNoteResource;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;

/**
 * With Quarkus REST present, HeavenBase exceptions that leave an endpoint become problem responses: 400 naming the
 * entity, field and rule for invalid input, 503 naming the backend for a failing one.
 */
class RestProblemResponsesTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ProblemNoteResource.class, ProblemNoteResource.ProblemNote.class,
                    Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-rest", "quarkus-rest-jackson"))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.backends.main.type", "inmem");

    @Test
    void validationFailureIsABadRequestNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"title\": \"ok\", \"colour\": \"red\"}")
                .when().post("/problem-notes/n-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("error", equalTo("validation"))
                .body("entity", equalTo("problem-note"))
                .body("field", equalTo("colour"))
                .body("detail", containsString("colour"));
    }

    @Test
    void validRowIsWritten() {
        given().contentType(ContentType.JSON).body("{\"title\": \"ok\"}")
                .when().post("/problem-notes/n-2")
                .then().statusCode(200).body(equalTo("n-2"));
    }

    @Test
    void backendFailureIsServiceUnavailableNamingTheBackend() {
        given().when().post("/problem-notes/down")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("error", equalTo("backend"))
                .body("backend", equalTo("main"))
                .body("detail", containsString("backend 'main' failed during upsert"));
    }
}
