package io.heavenbase.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the measured section of {@code docs/benchmarks.md}: everything between the two marker
 * comments is replaced (machine, settings, table); the hand-written analysis around it is kept.
 */
final class BenchmarksDoc {

    static final String START = "<!-- measured:start (written by io.heavenbase.bench.BenchmarkRunner) -->";
    static final String END = "<!-- measured:end -->";

    private BenchmarksDoc() {
    }

    static void write(Path file, String measured) throws IOException {
        String section = START + "\n" + measured + END;
        String text;
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            int start = existing.indexOf(START);
            int end = existing.indexOf(END);
            text = start >= 0 && end > start ? existing.substring(0, start) + section
                    + existing.substring(end + END.length()) : existing + "\n" + section + "\n";
        } else {
            text = "# Benchmarks\n\n" + section + "\n";
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
