package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** A backend missing a run-time key its type needs fails startup naming the property. */
class MissingRuntimeKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.files.type", "json")
            .assertException(BuildFailures.causedBy(ConfigurationException.class, "heavenbase.backends.files.path"));

    @Test
    void startupFails() {
        fail("startup must fail");
    }
}
