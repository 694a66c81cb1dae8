package io.heavenbase.backend.file;

import static io.heavenbase.backend.file.FileBackends.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PathTraversalTest {

    static final List<String> TYPES = FileBackends.TYPES;
    private static final List<String> HOSTILE_IDS = List.of("../../etc/passwd", "a/b", "..", ".", "CON", "nul",
            "a\\..\\b", "/absolute", "c:drive", "x.json", ".revision", ".heavenbase.lock", "Mixed", "mixed");

    @TempDir
    Path root;

    private Path storage() {
        return root.resolve("storage");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void hostileObjectIdsAreStoredInsideThePathAndReadBack(String type) throws IOException {
        EntityLayout layout = FileBackends.versioned();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : HOSTILE_IDS) {
            Map<String, Object> row = new HashMap<>();
            row.put("object_id", id);
            row.put("title", id);
            row.put("payload", id.getBytes());
            rows.add(row);
        }
        Files.createDirectories(storage());
        Files.writeString(root.resolve("outside.txt"), "untouched");

        try (Backend backend = FileBackends.open(type, storage())) {
            backend.ensure(layout);
            backend.upsert(layout, rows);
        }

        assertThat(FileBackends.filesUnder(root)).allMatch(file -> file.startsWith("storage") || file.equals("outside.txt"));
        assertThat(Files.readString(root.resolve("outside.txt"))).isEqualTo("untouched");
        try (Backend backend = FileBackends.open(type, storage())) {
            assertThat(backend.ids(layout)).containsExactlyInAnyOrderElementsOf(HOSTILE_IDS);
            Map<String, Map<String, Object>> read = backend.fetch(layout, HOSTILE_IDS, List.of("title", "payload"));
            for (String id : HOSTILE_IDS) {
                assertThat(read.get(id)).containsEntry("title", id);
                assertThat((byte[]) read.get(id).get("payload")).isEqualTo(id.getBytes());
            }
        }
    }

    @Test
    void theFileBackendWritesExactlyOneRowFileAndOneArtifactPerHostileIdInsideTheEntityDirectory() throws IOException {
        EntityLayout layout = FileBackends.versioned();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : HOSTILE_IDS) {
            rows.add(Map.of("object_id", id, "payload", new byte[] {1}));
        }

        try (Backend backend = FileBackends.open("file", storage())) {
            backend.upsert(layout, rows);
        }

        List<String> files = FileBackends.filesUnder(storage());
        assertThat(files).filteredOn(file -> file.endsWith(".json")).hasSize(HOSTILE_IDS.size())
                .allMatch(file -> file.startsWith("doc/"));
        assertThat(files).filteredOn(file -> file.endsWith(".bin")).hasSize(HOSTILE_IDS.size())
                .allMatch(file -> file.startsWith("doc/"));
    }

    @Test
    void anIdWithANulCharacterIsStoredUnderAnEscapedName() throws IOException {
        EntityLayout layout = FileBackends.versioned();
        try (Backend backend = FileBackends.open("file", storage())) {
            backend.upsert(layout, List.of(Map.of("object_id", "a\u0000b", "title", "nul")));

            assertThat(backend.ids(layout)).containsExactly("a\u0000b");
        }
        assertThat(FileBackends.filesUnder(storage())).contains("doc/a%00b.json");
    }

    @Test
    void entityIdsThatAreNotKebabCaseNeverReachABackend() {
        assertThatThrownBy(() -> new EntityLayout("../etc", List.of(field("title", "ShortText"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new EntityLayout("a/b", List.of(field("title", "ShortText"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void fieldNamesWithPathCharactersNeverReachABackend() {
        assertThatThrownBy(() -> new EntityLayout("doc",
                List.of(new StoredField("../payload", DType.ARTIFACT, Strategy.INLINE_COLUMN))))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void anEmptyObjectIdIsRejectedBeforeTouchingTheFileSystem(String type) throws IOException {
        EntityLayout layout = FileBackends.versioned();
        try (Backend backend = FileBackends.open(type, storage())) {
            List<String> before = FileBackends.filesUnder(storage());

            assertThatThrownBy(() -> backend.upsert(layout, List.of(Map.of("object_id", "", "title", "x"))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("object_id");
            assertThat(FileBackends.filesUnder(storage())).isEqualTo(before);
        }
    }

    @Test
    void windowsDeviceNamesAsEntityNamesGetEscapedFileNames() throws IOException {
        EntityLayout layout = new EntityLayout("con", List.of(field("title", "ShortText")));

        try (Backend backend = FileBackends.open("json", storage())) {
            backend.upsert(layout, List.of(Map.of("object_id", "a", "title", "x")));
        }

        assertThat(FileBackends.filesUnder(storage())).contains("%63on.json");
    }
}
