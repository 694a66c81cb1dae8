package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.runtime.HeavenBaseRuntimeConfig;
import io.heavenbase.spi.Backend;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.config.SmallRyeConfig;

/**
 * The build-time root ({@code BUILD_TIME}) and the run-time root ({@code RUN_TIME}) share the {@code heavenbase}
 * prefix, down to the same backend entry and the same {@code health} group, on Quarkus 3.33.
 */
class SharedPrefixConfigTest {

    /** Computed the same way in the test's and the application's class loader. */
    private static final String FILES_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "heavenbase-shared-prefix-" + ProcessHandle.current().pid()).toString();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.files.type", "json")
            .overrideConfigKey("heavenbase.health.enabled", "true")
            .overrideRuntimeConfigKey("heavenbase.backends.files.path", FILES_DIR)
            .overrideRuntimeConfigKey("heavenbase.health.timeout", "2s")
            .overrideRuntimeConfigKey("heavenbase.workspace", "shop");

    @Inject
    @Identifier("files")
    Backend files;

    @Inject
    Workspace workspace;

    @AfterAll
    static void removeFilesDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of(FILES_DIR))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void runtimeRootReadsTheKeysOfABackendDeclaredAtBuildTime() {
        HeavenBaseRuntimeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(HeavenBaseRuntimeConfig.class);

        assertThat(config.backends().get("files").path()).contains(FILES_DIR);
        assertThat(config.health().timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void backendBeanHasTheBuildTimeType() {
        assertThat(files.type()).isEqualTo("json");
        assertThat(files.name()).isEqualTo("files");
    }

    @Test
    void workspaceTakesItsIdFromRuntimeConfig() {
        assertThat(workspace.id()).isEqualTo("shop");
        assertThat(workspace.backends().names()).containsExactly("files");
    }
}
