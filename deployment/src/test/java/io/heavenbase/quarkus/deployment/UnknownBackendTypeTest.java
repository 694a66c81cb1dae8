package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** An unknown backend type fails the build naming the type property. */
class UnknownBackendTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.main.type", "nosuchdb")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "unknown backend type 'nosuchdb'", "heavenbase.backends.main.type"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
