package io.heavenbase.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PingResourceTest {

    @Test
    void pingAnswersOk() {
        given()
                .when().get("/heavenbase/ping")
                .then()
                .statusCode(200)
                .body(is("ok"));
    }
}
