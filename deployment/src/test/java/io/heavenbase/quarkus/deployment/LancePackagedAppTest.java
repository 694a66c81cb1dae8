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

import io.heavenbase.quarkus.deployment.support.RowRoundTripProbe;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The packaged application of a lance backend carries {@code Add-Opens: java.base/java.nio} in its manifest, so
 * {@code java -jar} without any flag runs it: the started jar stores and reads a row on lance.
 */
class LancePackagedAppTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClass(RowRoundTripProbe.class))
            .setApplicationName("heavenbase-lance-packaged")
            .setApplicationVersion("0.1")
            .overrideConfigKey("heavenbase.backends.main.type", "lance")
            .overrideConfigKey("heavenbase.backends.main.path",
                    Path.of("target", "lance-packaged-" + System.nanoTime()).toAbsolutePath().toString())
            .setRun(true);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void theManifestOpensJavaNioAndThePlainJarRunsLance() throws IOException {
        Path runner = results.getBuildDir().resolve("quarkus-app").resolve("quarkus-run.jar");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(runner); JarInputStream jar = new JarInputStream(in)) {
            manifest = jar.getManifest();
        }
        assertThat(manifest.getMainAttributes().getValue("Add-Opens")).contains("java.base/java.nio");

        assertThat(app.getStartupConsoleOutput())
                .contains(RowRoundTripProbe.STORED + "hello on main (lance, ")
                .doesNotContain("add-opens");
    }
}
