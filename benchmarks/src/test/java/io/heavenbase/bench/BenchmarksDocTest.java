package io.heavenbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksDocTest {

    @TempDir
    Path directory;

    @Test
    void replacesOnlyTheMeasuredSectionAndKeepsTheAnalysisAroundIt() throws Exception {
        Path doc = directory.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\nintro\n" + BenchmarksDoc.START + "\nold table\n" + BenchmarksDoc.END
                + "\n## Analysis\nkept\n");

        BenchmarksDoc.write(doc, "new table\n");

        assertThat(Files.readString(doc)).isEqualTo("# Benchmarks\nintro\n" + BenchmarksDoc.START + "\nnew table\n"
                + BenchmarksDoc.END + "\n## Analysis\nkept\n");
    }

    @Test
    void createsTheFileWithTheMeasuredSectionWhenItDoesNotExist() throws Exception {
        Path doc = directory.resolve("docs").resolve("benchmarks.md");

        BenchmarksDoc.write(doc, "table\n");

        assertThat(Files.readString(doc)).contains(BenchmarksDoc.START + "\ntable\n" + BenchmarksDoc.END);
    }
}
