package io.heavenbase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavenbase.Workspace;
import io.heavenbase.spi.Backend;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;

/** The demo on an explicit backend map: each backend is injectable by name, and the notes live on {@code main}. */
@QuarkusTest
@TestProfile(ExplicitBackendsProfile.class)
class ExplicitBackendsTest {

    @Inject
    @Identifier("main")
    Backend main;

    @Inject
    @Identifier("scratch")
    Backend scratch;

    @Inject
    Workspace workspace;

    @Test
    void namedBackendsAreInjectable() {
        assertThat(main.type()).isEqualTo("sqlite");
        assertThat(scratch.type()).isEqualTo("inmem");
    }

    @Test
    void workspaceHasExactlyTheConfiguredBackends() {
        assertThat(workspace.backends().names()).containsExactly("main", "scratch");
    }

    @Test
    void notesWorkWithTheVectorOnMain() {
        String tag = NoteResourceTest.uniqueTag();
        String id = NoteResourceTest.create("Explicit " + tag, "stored on sqlite", List.of(tag));

        given().queryParam("text", "Explicit " + tag + " stored on sqlite").queryParam("k", 1)
                .when().get("/notes/similar").then()
                .statusCode(200)
                .body("[0].id", equalTo(id));
        assertThat(workspace.query(Note.class).near("embedding", TextVectors.embed("x"), 1).explain()
                .steps("near")).singleElement().satisfies(step -> assertThat(step.backend()).isEqualTo("main"));
    }
}
