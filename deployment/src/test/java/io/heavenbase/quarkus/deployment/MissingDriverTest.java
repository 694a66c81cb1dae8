package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.heavenbase.quarkus.deployment.support.RecordingProvider;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.test.QuarkusUnitTest;

/** A type whose driver is not on the class path fails the build naming the property and the artifact to add. */
class MissingDriverTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addPackage(RecordingProvider.class.getPackage())
                    .addAsServiceProvider(BackendProvider.class, RecordingProvider.NeedsDriver.class))
            .overrideConfigKey("heavenbase.backends.main.type", "needs-driver")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "heavenbase.backends.main.type", "needs its driver on the classpath",
                    "org.example:example-jdbc"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
