package io.heavenbase.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code /q/health/ready} has one entry per backend; when a backend's store goes away its entry turns DOWN with the
 * reason while the others stay UP.
 */
@QuarkusTest
@TestProfile(FilesBackendProfile.class)
class BackendHealthTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";

    @AfterEach
    void restoreDirectory() throws IOException {
        Files.createDirectories(FilesBackendProfile.DIRECTORY);
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        deleteRecursively(FilesBackendProfile.DIRECTORY);
    }

    @Test
    void everyBackendIsListedUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.main", equalTo("UP"))
                .body(CHECK + ".data.vec", equalTo("UP"))
                .body(CHECK + ".data.search", equalTo("UP"))
                .body(CHECK + ".data.files", equalTo("UP"));
    }

    @Test
    void backendWhoseStoreIsGoneTurnsDownWhileOthersStayUp() throws IOException {
        deleteRecursively(FilesBackendProfile.DIRECTORY);

        given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.files", containsString("missing or not writable"))
                .body(CHECK + ".data.main", equalTo("UP"))
                .body(CHECK + ".data.vec", equalTo("UP"))
                .body(CHECK + ".data.search", equalTo("UP"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
