package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * {@code quarkus:dev} starts the application with the JVM options that the extension's descriptor lists
 * ({@code dev-mode.jvm-option.*}); HeavenBase's descriptor must list lance's {@code --add-opens}, so a dev-mode user
 * never passes {@code -Djvm.args}.
 */
class DevModeJvmOptionsTest {

    @Test
    void theDescriptorAsksDevModeToOpenJavaNio() throws IOException {
        Properties descriptor = heavenBaseDescriptor();

        assertThat(descriptor.getProperty("dev-mode.jvm-option.std.add-opens"))
                .isEqualTo("java.base/java.nio=ALL-UNNAMED");
    }

    private static Properties heavenBaseDescriptor() throws IOException {
        List<Properties> ours = new ArrayList<>();
        for (URL url : Collections.list(DevModeJvmOptionsTest.class.getClassLoader()
                .getResources("META-INF/quarkus-extension.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            if (properties.getProperty("deployment-artifact", "").startsWith("io.heavenbase:")) {
                ours.add(properties);
            }
        }
        assertThat(ours).as("HeavenBase's extension descriptor on the test class path").hasSize(1);
        return ours.get(0);
    }
}
