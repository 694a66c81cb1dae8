package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The packaged application of a lance backend carries {@code Add-Opens: java.base/java.nio} in its manifest, which
 * {@code java -jar} applies without any flag.
 * <p>
 * The jar is not started here: packaged from this module's test class path it lacks the Vert.x HTTP runtime that
 * the Dev UI tests' deployment dependency asks for (unrelated to lance).
 */
class LancePackagedAppTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("heavenbase-lance-packaged")
            .setApplicationVersion("0.1")
            .overrideConfigKey("heavenbase.backends.main.type", "lance")
            .overrideConfigKey("heavenbase.backends.main.path",
                    Path.of("target", "lance-packaged-" + System.nanoTime()).toAbsolutePath().toString())
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void theManifestOpensJavaNio() throws IOException {
        Path runner = results.getBuildDir().resolve("quarkus-app").resolve("quarkus-run.jar");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(runner); JarInputStream jar = new JarInputStream(in)) {
            manifest = jar.getManifest();
        }
        assertThat(manifest.getMainAttributes().getValue("Add-Opens")).isNotNull()
                .contains("java.base/java.nio");
    }
}
