package io.heavenbase.backend.lance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} cannot run Arrow: opening a lance backend
 * there fails at once with a {@code BackendException} that names the flag, instead of Arrow's initialisation error
 * at the first write. The same probe with the flag passes every step, so the check rejects only the broken JVM.
 */
class LanceWithoutAddOpensTest {

    private static final String FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    @TempDir
    Path temp;

    @Test
    void withoutTheFlag_openFailsWithABackendExceptionNamingTheFlag() throws Exception {
        Map<String, String> steps = probe();

        assertThat(steps).containsOnlyKeys("open");
        assertThat(steps.get("open")).startsWith("io.heavenbase.BackendException|backend 'vec' failed during open: ")
                .contains(FLAG);
    }

    @Test
    void withTheFlag_everyStepWorks() throws Exception {
        Map<String, String> steps = probe(FLAG);

        assertThat(steps).containsExactly(Map.entry("open", "ok"), Map.entry("ensure", "ok"),
                Map.entry("upsert", "ok"), Map.entry("fetch", "ok"), Map.entry("close", "ok"));
    }

    /** Runs {@link LanceWithoutAddOpensProbe} in a new JVM with this test's class path and these JVM options. */
    private Map<String, String> probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LanceWithoutAddOpensProbe.class.getName()));
        Path output = temp.resolve("probe-" + System.nanoTime() + ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        Map<String, String> steps = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && List.of("open", "ensure", "upsert", "fetch", "close").contains(line.substring(0, equals))) {
                steps.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        return steps;
    }
}
