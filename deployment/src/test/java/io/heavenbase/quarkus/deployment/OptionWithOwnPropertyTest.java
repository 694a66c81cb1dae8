package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A key that has a property of its own cannot be set through {@code options}: every key has one spelling, and the
 * message names the property to use instead.
 */
class OptionWithOwnPropertyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideRuntimeConfigKey("heavenbase.backends.main.options.\"database\"", ":memory:")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "heavenbase.backends.main.options.\"database\" is not a backend option",
                    "use heavenbase.backends.main.database"));

    @Test
    void startupFails() {
        fail("startup must fail");
    }
}
