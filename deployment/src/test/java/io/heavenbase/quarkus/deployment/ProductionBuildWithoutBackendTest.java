package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A production build without any HeavenBase configuration fails, naming {@code heavenbase.preset} and
 * {@code heavenbase.backends."name".type}; the embedded debug preset is for dev and test mode only.
 */
class ProductionBuildWithoutBackendTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("heavenbase-without-backend")
            .setApplicationVersion("0.1")
            .assertBuildException(BuildFailures.causedBy(ConfigurationException.class,
                    "HeavenBase has no backend: set heavenbase.preset (debug, local-lts or web-lts) or "
                            + "heavenbase.backends.\"name\".type for at least one backend"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
