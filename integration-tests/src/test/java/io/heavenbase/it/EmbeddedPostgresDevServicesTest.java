package io.heavenbase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The demo on a PostgreSQL that HeavenBase Dev Services start from the embedded binaries (no Docker). */
@QuarkusTest
@TestProfile(EmbeddedPostgresProfile.class)
class EmbeddedPostgresDevServicesTest {

    @Test
    void devServicesProvideTheConnection() {
        assertThat(ConfigProvider.getConfig().getValue("heavenbase.backends.pg.url", String.class))
                .startsWith("jdbc:postgresql://localhost:");
    }

    @Test
    void notesAreStoredInTheStartedPostgreSql() {
        String tag = NoteResourceTest.uniqueTag();
        String id = NoteResourceTest.create("On embedded PostgreSQL", "no Docker needed", List.of(tag));

        given().when().get("/notes/" + id).then().statusCode(200).body("title", equalTo("On embedded PostgreSQL"));
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'HeavenBase backends' }.data.pg", equalTo("UP"));
    }
}
