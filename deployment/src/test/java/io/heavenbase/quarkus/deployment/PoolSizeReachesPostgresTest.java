package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code heavenbase.backends."name".pool-size} reaches the real postgres provider: it validates the value (before
 * connecting) and startup fails with its message, naming the property.
 */
class PoolSizeReachesPostgresTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .setForcedDependencies(List.of(Drivers.postgres()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", "jdbc:postgresql://127.0.0.1:5432/test")
            .overrideRuntimeConfigKey("heavenbase.backends.main.pool-size", "0")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "heavenbase.backends.main.pool-size must be at least 1, got 0"));

    @Test
    void startupFails() {
        fail("startup must fail");
    }
}
