package io.heavenbase.backend.file;

import static io.heavenbase.backend.file.FileBackends.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptFileTest {

    private static final EntityLayout LAYOUT = new EntityLayout("note", List.of(field("title", "ShortText"),
            field("rank", "Integer")));

    @TempDir
    Path directory;

    private Path writeJson(String content) throws IOException {
        return Files.writeString(directory.resolve("note.json"), content, StandardCharsets.UTF_8);
    }

    private static String document(String rows) {
        return "{\n"
                + "  \"format\": \"heavenbase.entity\",\n"
                + "  \"version\": 1,\n"
                + "  \"revision\": \"r1\",\n"
                + "  \"entity\": \"note\",\n"
                + "  \"fields\": {\n"
                + "    \"rank\": \"Integer\",\n"
                + "    \"title\": \"ShortText\"\n"
                + "  },\n"
                + "  \"rows\": [\n"
                + rows
                + "  ]\n"
                + "}\n";
    }

    private long countWithFreshJsonBackend() {
        try (Backend backend = FileBackends.open("json", directory)) {
            return backend.count(LAYOUT);
        }
    }

    @Test
    void handWrittenValidJsonIsRead() throws IOException {
        writeJson(document("    { \"object_id\": \"a\", \"title\": \"A\", \"rank\": 1 },\n"
                + "    { \"object_id\": \"b\" }\n"));

        try (Backend backend = FileBackends.open("json", directory)) {
            assertThat(backend.fetch(LAYOUT, List.of("a", "b"), List.of("title", "rank")))
                    .containsEntry("a", Map.of("object_id", "a", "title", "A", "rank", 1L))
                    .containsKey("b");
        }
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path file = writeJson(document("    { \"object_id\": \"a\", \"title\": \"A\" }\n"
                + "    { \"object_id\": \"b\" }\n"));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 12, column 5");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndItsPosition() throws IOException {
        Path file = writeJson(document("    { \"object_id\": \"a\", \"rank\": \"high\" }\n"));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 11, column 33")
                .hasMessageContaining("field 'rank' (Integer) expects an integer");
    }

    @Test
    void aValueBreakingItsTypeRuleIsReportedNotLoaded() throws IOException {
        Path file = writeJson(document("    { \"object_id\": \"a\", \"title\": \"" + "x".repeat(300) + "\" }\n"));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 11")
                .hasMessageContaining("title");
    }

    @Test
    void anUndeclaredFieldIsAnError() throws IOException {
        writeJson(document("    { \"object_id\": \"a\", \"color\": \"red\" }\n"));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("field 'color' is not declared in \"fields\"");
    }

    @Test
    void aDuplicatedObjectIdIsAnErrorInsteadOfADroppedRow() throws IOException {
        writeJson(document("    { \"object_id\": \"a\", \"rank\": 1 },\n    { \"object_id\": \"a\", \"rank\": 2 }\n"));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("object_id 'a' appears twice")
                .hasMessageContaining("line 12, column 5");
    }

    @Test
    void aTruncatedFileIsAnError() throws IOException {
        String full = document("    { \"object_id\": \"a\", \"rank\": 1 }\n");
        Path file = writeJson(full.substring(0, full.length() / 2));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line ");
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        writeJson(document("").replace("\"version\": 1", "\"version\": 2"));

        assertThatThrownBy(this::countWithFreshJsonBackend)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("format version 2 was written by a newer HeavenBase");
    }

    @Test
    void aDamagedCborFileNamesTheFileAndByteOffset() throws IOException {
        try (Backend backend = FileBackends.open("pickle", directory)) {
            backend.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "A"), Map.of("object_id", "b")));
        }
        Path file = directory.resolve("note.cbor");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

        try (Backend backend = FileBackends.open("pickle", directory)) {
            assertThatThrownBy(() -> backend.ids(LAYOUT))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("byte offset");
        }
    }

    @Test
    void aDamagedRowFileOfTheFileBackendNamesTheFileAndPosition() throws IOException {
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(LAYOUT, List.of(Map.of("object_id", "a", "rank", 1L)));
        }
        Path rowFile = directory.resolve("note").resolve("a.json");
        Files.writeString(rowFile, Files.readString(rowFile).replace("\"rank\": 1", "\"rank\": true"));

        try (Backend backend = FileBackends.open("file", directory)) {
            assertThatThrownBy(() -> backend.count(LAYOUT))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining(rowFile.toString())
                    .hasMessageContaining("line ")
                    .hasMessageContaining("field 'rank' (Integer) expects an integer");
        }
    }

    @Test
    void aRowFileRenamedByHandIsAnErrorInsteadOfADuplicate() throws IOException {
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(LAYOUT, List.of(Map.of("object_id", "a", "rank", 1L)));
        }
        Path entity = directory.resolve("note");
        Files.copy(entity.resolve("a.json"), entity.resolve("b.json"));

        try (Backend backend = FileBackends.open("file", directory)) {
            assertThatThrownBy(() -> backend.count(LAYOUT))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("b.json")
                    .hasMessageContaining("holds object_id 'a'");
        }
    }

    @Test
    void aChangedArtifactFileIsDetected() throws IOException {
        EntityLayout withPayload = FileBackends.versioned();
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(withPayload, List.of(Map.of("object_id", "a", "payload", new byte[] {1, 2, 3})));
        }
        Path artifact;
        try (var files = Files.list(directory.resolve("doc"))) {
            artifact = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        Files.write(artifact, new byte[] {1, 2, 4});

        try (Backend backend = FileBackends.open("file", directory)) {
            assertThatThrownBy(() -> backend.fetch(withPayload, List.of("a"), List.of("payload")))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining(artifact.toString())
                    .hasMessageContaining("does not match the size and SHA-256");
        }
    }
}
