package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A lance backend works in a test JVM started without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (this
 * module's test JVMs have no such flag): the extension declares the opening, and Quarkus applies it.
 */
class LanceWithoutJvmFlagsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.vec.type", "lance")
            .overrideConfigKey("heavenbase.backends.vec.path", lanceDirectory());

    @Inject
    Workspace workspace;

    @Test
    void theJvmHasNoFlagAndLanceStoresAndReadsARow() {
        assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                .noneMatch(argument -> argument.contains("java.nio"));
        EntitySchema note = workspace.register(EntitySchema.builder("opens_note").field("label", "ShortText").build());
        workspace.upsert(note, Map.of("object_id", "n1", "label", "hello"));

        assertThat(workspace.get(note, "n1").orElseThrow().get("label")).isEqualTo("hello");
    }

    private static String lanceDirectory() {
        return Path.of("target", "lance-without-jvm-flags-" + System.nanoTime()).toAbsolutePath().toString();
    }
}
