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
 * starrocks with Connector/J, the driver it speaks the MySQL protocol through, and a url where no server listens: the build accepts it and the application starts with the backend
 * DOWN, its status naming the backend and the property (the driver's own words name the address).
 */
class StarrocksPlainDriverTest {

    private static final int PORT = RequirementApps.closedPort(StarrocksPlainDriverTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.mysql()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", "jdbc:mysql://127.0.0.1:" + PORT + "/test")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "root")
            .overrideConfigKey("heavenbase.backends.main.type", "starrocks");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        assertThat(main.detail()).startsWith("BackendException: backend 'main' failed during connect: cannot reach "
                + "the server of heavenbase.backends.main.url: ");
    }
}
