package io.heavenbase.backend.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class DurableFilesTest {

    static final List<String> TYPES = FileBackends.TYPES;

    @TempDir
    Path directory;

    @Test
    void replaceSwapsTheContentAndLeavesNoTemporary() throws IOException {
        Path target = directory.resolve("data.json");
        Files.writeString(target, "old");

        DurableFiles.replace(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)),
                DurableFiles.Sync.FILE_AND_DIRECTORY);

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(FileBackends.filesUnder(directory)).containsExactly("data.json");
    }

    @Test
    void aFailureWhileWritingKeepsTheOldContentAndRemovesTheTemporary() throws IOException {
        Path target = directory.resolve("data.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> DurableFiles.replace(target, out -> {
            out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }, DurableFiles.Sync.FILE_AND_DIRECTORY)).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(FileBackends.filesUnder(directory)).containsExactly("data.json");
    }

    @Test
    void removeTreeDeletesADirectoryWithItsFiles() throws IOException {
        Path tree = Files.createDirectories(directory.resolve("entity/nested"));
        Files.writeString(tree.resolve("a.json"), "{}");

        DurableFiles.removeTree(directory.resolve("entity"));

        assertThat(directory).isEmptyDirectory();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void temporariesOfAKilledWriterAreIgnoredByReadsAndRemovedByEnsure(String type) throws IOException {
        EntityLayout layout = FileBackends.versioned();
        try (Backend backend = FileBackends.open(type, directory)) {
            backend.upsert(layout, List.of(WriterProcess.row("a", 1)));
        }
        Path leftover = directory.resolve(".doc.json.0123456789abcdef.tmp");
        Path rowLeftover = directory.resolve("doc").resolve(".b.json.0123456789abcdef.tmp");
        Files.writeString(leftover, "{ \"format\": \"heavenbase.entity\", \"rows\": [ {");
        if (Files.isDirectory(directory.resolve("doc"))) {
            Files.writeString(rowLeftover, "{ \"format\"");
        }

        try (Backend backend = FileBackends.open(type, directory)) {
            assertThat(backend.ids(layout)).containsExactly("a");

            backend.ensure(layout);
        }

        assertThat(leftover).doesNotExist();
        assertThat(rowLeftover).doesNotExist();
    }
}
