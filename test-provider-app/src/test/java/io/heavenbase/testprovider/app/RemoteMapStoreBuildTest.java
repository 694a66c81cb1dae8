package io.heavenbase.testprovider.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The remote-mapstore type of another jar, whose client is not on the class path, fails the build naming the type
 * property and the artifact its provider says to add: the extension's build-time check, fed by the provider only.
 */
class RemoteMapStoreBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("heavenbase.backends.main.type", "remote-mapstore")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause != null && !cause.getClass().getName().equals("io.heavenbase.ConfigurationException")) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a ConfigurationException in %s", failure).isNotNull();
                assertThat(cause.getMessage()).contains("heavenbase.backends.main.type",
                        "needs its driver on the classpath", "org.example:mapstore-client");
            });

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
