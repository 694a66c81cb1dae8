package io.heavenbase.backend.file;

import static io.heavenbase.backend.file.FileBackends.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the files look like on disk. */
class FileFormatTest {

    private static final EntityLayout LAYOUT = new EntityLayout("order-line", List.of(field("title", "ShortText"),
            field("amount", "Integer"), field("tags", "Array[ShortText]")));
    private static final List<Map<String, Object>> ROWS = List.of(
            Map.of("object_id", "b", "title", "Second", "amount", 2L, "tags", List.of("x", "y")),
            Map.of("object_id", "a", "title", "First", "amount", 1L));

    @TempDir
    Path directory;

    private void write(String type, List<Map<String, Object>> rows) {
        try (Backend backend = FileBackends.open(type, directory)) {
            backend.ensure(LAYOUT);
            backend.upsert(LAYOUT, rows);
        }
    }

    @Test
    void jsonIsOnePrettyDocumentPerEntityWithAFormatVersionAndSortedRowsAndKeys() throws IOException {
        write("json", ROWS);

        String json = Files.readString(directory.resolve("order_line.json"));

        assertThat(json.replaceAll("\"revision\": \"[0-9a-f]+\"", "\"revision\": \"R\"")).isEqualTo("{\n"
                + "  \"format\": \"heavenbase.entity\",\n"
                + "  \"version\": 1,\n"
                + "  \"revision\": \"R\",\n"
                + "  \"entity\": \"order-line\",\n"
                + "  \"fields\": {\n"
                + "    \"amount\": \"Integer\",\n"
                + "    \"tags\": \"Array[ShortText]\",\n"
                + "    \"title\": \"ShortText\"\n"
                + "  },\n"
                + "  \"rows\": [ {\n"
                + "    \"object_id\": \"a\",\n"
                + "    \"amount\": 1,\n"
                + "    \"title\": \"First\"\n"
                + "  }, {\n"
                + "    \"object_id\": \"b\",\n"
                + "    \"amount\": 2,\n"
                + "    \"tags\": [ \"x\", \"y\" ],\n"
                + "    \"title\": \"Second\"\n"
                + "  } ]\n"
                + "}\n");
    }

    @Test
    void jsonBytesDependOnlyOnTheContentApartFromTheRevision() throws IOException {
        write("json", ROWS);
        String first = Files.readString(directory.resolve("order_line.json"));
        write("json", List.of(ROWS.get(1), ROWS.get(0)));
        String second = Files.readString(directory.resolve("order_line.json"));

        assertThat(second).isNotEqualTo(first);
        assertThat(withoutRevision(second)).isEqualTo(withoutRevision(first));
    }

    private static String withoutRevision(String json) {
        return json.replaceAll("\"revision\": \"[0-9a-f]+\"", "");
    }

    @Test
    void pickleHoldsTheSameDocumentAsJsonInCborAndNeverJavaSerialization() throws IOException {
        write("json", ROWS);
        write("pickle", ROWS);
        byte[] cbor = Files.readAllBytes(directory.resolve("order_line.cbor"));

        Map<?, ?> fromCbor = new ObjectMapper(new CBORFactory()).readValue(cbor, Map.class);
        Map<?, ?> fromJson = new ObjectMapper().readValue(directory.resolve("order_line.json").toFile(), Map.class);

        assertThat(cbor[0] & 0xff).isNotEqualTo(0xac);
        assertThat(fromCbor.get("format")).isEqualTo("heavenbase.entity");
        assertThat(fromCbor.get("rows")).isEqualTo(fromJson.get("rows"));
        assertThat(fromCbor.get("fields")).isEqualTo(fromJson.get("fields"));
        assertThat(cbor.length).isLessThan((int) Files.size(directory.resolve("order_line.json")));
    }

    @Test
    void theFileBackendKeepsOneJsonFilePerRowAndArtifactsBesideIt() throws IOException {
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(FileBackends.versioned(), List.of(WriterProcess.row("a", 1)));
        }

        List<String> files = FileBackends.filesUnder(directory.resolve("doc"));
        String row = Files.readString(directory.resolve("doc/a.json"));

        assertThat(files).hasSize(3).contains(".revision", "a.json")
                .anyMatch(file -> file.matches("a\\.payload\\.[0-9a-f]{16}\\.bin"));
        assertThat(row).contains("\"format\": \"heavenbase.row\"", "\"version\": 1", "\"sha256\": ")
                .doesNotContain(new String(WriterProcess.payload("a", 1)));
    }

    @Test
    void anUnchangedArtifactIsNotRewrittenWhenItsRowChanges() throws IOException {
        EntityLayout layout = FileBackends.versioned();
        byte[] payload = new byte[100_000];
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(layout, List.of(Map.of("object_id", "a", "title", "one", "payload", payload)));
            Path artifact = onlyArtifact();
            Object fileKey = Files.readAttributes(artifact, BasicFileAttributes.class).fileKey();

            backend.upsert(layout, List.of(Map.of("object_id", "a", "title", "two", "payload", payload)));

            assertThat(onlyArtifact()).isEqualTo(artifact);
            assertThat(Files.readAttributes(artifact, BasicFileAttributes.class).fileKey())
                    .isEqualTo(fileKey);
        }
    }

    @Test
    void aChangedArtifactReplacesTheOldFileAndADeletedRowTakesItsArtifactAlong() throws IOException {
        EntityLayout layout = FileBackends.versioned();
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(layout, List.of(Map.of("object_id", "a", "payload", new byte[] {1})));
            Path first = onlyArtifact();

            backend.upsert(layout, List.of(Map.of("object_id", "a", "payload", new byte[] {2})));
            Path second = onlyArtifact();
            assertThat(second).isNotEqualTo(first);
            assertThat((byte[]) backend.fetch(layout, List.of("a"), List.of("payload")).get("a").get("payload"))
                    .containsExactly(2);

            backend.delete(layout, List.of("a"));
        }
        assertThat(FileBackends.filesUnder(directory.resolve("doc"))).containsExactly(".revision");
    }

    @Test
    void artifactsLeftWithoutARowAreRemovedByEnsure() throws IOException {
        EntityLayout layout = FileBackends.versioned();
        try (Backend backend = FileBackends.open("file", directory)) {
            backend.upsert(layout, List.of(WriterProcess.row("a", 1)));
        }
        Path orphan = Files.write(directory.resolve("doc/b.payload.0123456789abcdef.bin"), new byte[] {1});

        try (Backend backend = FileBackends.open("file", directory)) {
            backend.ensure(layout);
        }

        assertThat(orphan).doesNotExist();
        assertThat(FileBackends.filesUnder(directory.resolve("doc"))).hasSize(3);
    }

    private Path onlyArtifact() throws IOException {
        try (var files = Files.list(directory.resolve("doc"))) {
            List<Path> artifacts = files.filter(file -> file.toString().endsWith(".bin")).toList();
            assertThat(artifacts).hasSize(1);
            return artifacts.get(0);
        }
    }
}
