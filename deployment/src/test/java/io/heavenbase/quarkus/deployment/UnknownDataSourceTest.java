package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** A backend naming a datasource the application does not have fails the build naming the property. */
class UnknownDataSourceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideConfigKey("heavenbase.backends.main.datasource", "orders")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "heavenbase.backends.main.datasource", "datasource 'orders'", "quarkus.datasource.\"orders\".db-kind"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
