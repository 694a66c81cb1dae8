package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** An image for a backend type that has no Dev Services container fails the build naming the property. */
class DevServicesContainerImageKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.devservices.images.mssql", "mcr.microsoft.com/mssql/server:2022-latest")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "heavenbase.devservices.images.\"mssql\"", "the types with one are [chroma, elasticsearch,"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
