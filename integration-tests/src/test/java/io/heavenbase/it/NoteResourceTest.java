package io.heavenbase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The demo's endpoints on its own configuration: nothing but {@code heavenbase.preset=debug}. Each test uses its
 * own tag, so tests do not see each other's notes.
 */
@QuarkusTest
class NoteResourceTest {

    @Test
    void createdNoteCanBeReadBack() {
        String tag = uniqueTag();
        String id = create("Groceries", "milk, eggs and bread", List.of(tag, "home"));

        given().when().get("/notes/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("title", equalTo("Groceries"))
                .body("body", equalTo("milk, eggs and bread"))
                .body("tags", contains(tag, "home"));
    }

    @Test
    void createAnswersWithTheLocationOfTheNote() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Located", "body", "somewhere", "tags", List.of(uniqueTag())))
                .when().post("/notes").then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("title", equalTo("Located"));
    }

    @Test
    void searchMatchesTextWithinATag() {
        String tag = uniqueTag();
        create("Agent design", "how an agent plans its work", List.of(tag));
        create("Gardening", "tomatoes need sun", List.of(tag));
        create("Agent elsewhere", "an agent in another tag", List.of(uniqueTag()));

        given().queryParam("q", "agent").queryParam("tag", tag)
                .when().get("/notes/search").then()
                .statusCode(200)
                .body("title", contains("Agent design"));
    }

    @Test
    void searchByTagAloneListsTheTaggedNotesByTitle() {
        String tag = uniqueTag();
        create("b note", "second", List.of(tag));
        create("a note", "first", List.of(tag));

        given().queryParam("tag", tag)
                .when().get("/notes/search").then()
                .statusCode(200)
                .body("title", contains("a note", "b note"));
    }

    @Test
    void similarFindsTheNoteSharingTheMostWordsFirst() {
        String tag = uniqueTag();
        create("Quarkus extension " + tag, "build steps and recorders " + tag, List.of(tag));

        given().queryParam("text", "Quarkus extension " + tag + " build steps and recorders " + tag)
                .queryParam("k", 1)
                .when().get("/notes/similar").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].title", equalTo("Quarkus extension " + tag))
                .body("score", everyItem(org.hamcrest.Matchers.greaterThan(0.99f)));
    }

    @Test
    void rankedAndHybridPutTheMostRelevantNoteFirst() {
        String tag = uniqueTag();
        create("Reranking " + tag, "hybrid retrieval fuses " + tag + " " + tag + " rankings", List.of(tag));
        create("Other " + tag, "something else about " + tag, List.of(tag));

        given().queryParam("q", "fuses " + tag).queryParam("k", 5)
                .when().get("/notes/ranked").then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].title", equalTo("Reranking " + tag))
                .body("score", everyItem(org.hamcrest.Matchers.greaterThan(0f)));
        List<Float> fused = given().queryParam("q", "hybrid retrieval fuses " + tag).queryParam("k", 5)
                .when().get("/notes/hybrid").then()
                .statusCode(200)
                .body("title", hasItem("Reranking " + tag))
                .extract().jsonPath().getList("score", Float.class);
        // RRF (k = 60): the note first in the text leg scores at least 1/61; the list is best first.
        assertThat(fused).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(fused.get(0)).isGreaterThanOrEqualTo(1f / 61 - 1e-6f);
        given().queryParam("k", 1).when().get("/notes/hybrid").then()
                .statusCode(400).body("field", equalTo("q")).body("rule", equalTo("required"));
    }

    @Test
    void deletedNoteIsGone() {
        String tag = uniqueTag();
        String id = create("Temporary", "to be deleted", List.of(tag));

        given().when().delete("/notes/" + id).then().statusCode(204);

        given().when().get("/notes/" + id).then().statusCode(404);
        given().queryParam("tag", tag).when().get("/notes/search").then().body("$", empty());
    }

    @Test
    void deletingAnUnknownNoteIsNotFound() {
        given().when().delete("/notes/no-such-note").then().statusCode(404);
    }

    @Test
    void readinessListsTheBackendsOfThePreset() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItem("HeavenBase backends"))
                .body("checks.find { it.name == 'HeavenBase backends' }.data.main", equalTo("UP"))
                .body("checks.find { it.name == 'HeavenBase backends' }.data.vec", equalTo("UP"))
                .body("checks.find { it.name == 'HeavenBase backends' }.data.search", equalTo("UP"));
    }

    @Test
    void invalidSearchAndSimilarParametersAreBadRequestsNamingTheParameter() {
        given().queryParam("k", 0).queryParam("text", "x").when().get("/notes/similar").then()
                .statusCode(400).contentType(ContentType.JSON).body("field", equalTo("k")).body("rule", equalTo("range"));
        given().queryParam("k", 1).when().get("/notes/similar").then()
                .statusCode(400).body("field", equalTo("text")).body("rule", equalTo("required"));
        given().queryParam("limit", -1).when().get("/notes/search").then()
                .statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void createWithoutABodyOrRequiredFieldsIsABadRequestAndStoresNothing() {
        String tag = uniqueTag();

        given().contentType(ContentType.JSON).body("null").when().post("/notes").then()
                .statusCode(400).body("field", equalTo("body")).body("error", equalTo("validation"));
        given().contentType(ContentType.JSON).body("{}").when().post("/notes").then()
                .statusCode(400).body("field", equalTo("title"));
        given().contentType(ContentType.JSON).body(Map.of("title", "no body", "tags", List.of(tag)))
                .when().post("/notes").then()
                .statusCode(400).body("field", equalTo("body"));

        given().queryParam("tag", tag).when().get("/notes/search").then().statusCode(200).body("$", empty());
    }

    @Test
    void invalidIdFromTheWorkspaceIsABadRequestNamingObjectId() {
        given().when().get("/notes/" + "x".repeat(64)).then()
                .statusCode(400).body("field", equalTo("object_id")).body("rule", equalTo("identifier"));
    }

    static String create(String title, String body, List<String> tags) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", body, "tags", tags))
                .when().post("/notes").then()
                .statusCode(201)
                .extract().path("id");
    }

    static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
