package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;

/**
 * trino with its plain driver (it has no Quarkus extension) and a url where no server listens: the build accepts
 * it and the application starts with the backend DOWN, its status naming the backend and the address. The Trino
 * driver connects lazily, so the failure comes from the first ping, whose words do not name the property.
 */
class TrinoPlainDriverTest {

    private static final int PORT = RequirementApps.closedPort(TrinoPlainDriverTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.trino()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", "jdbc:trino://127.0.0.1:" + PORT + "/iceberg/heavenbase")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "heavenbase")
            .overrideConfigKey("heavenbase.backends.main.type", "trino");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        assertThat(main.detail()).startsWith("BackendException: backend 'main' failed during ping: ")
                .contains("127.0.0.1:" + PORT);
    }
}
