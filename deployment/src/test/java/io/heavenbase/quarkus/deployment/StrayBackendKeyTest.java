package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** A key of a backend that has no type (typically a misspelt name) fails the build naming the key. */
class StrayBackendKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.preset", "debug")
            .overrideConfigKey("heavenbase.backends.mian.database", "data/main.db")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "heavenbase.backends.mian.database", "backend 'mian'", "heavenbase.backends.mian.type"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
